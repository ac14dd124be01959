namespace Monitro.Orleans.Tests;

/// <summary>Posts and the watches of two tenants, with the mentions a single matcher per tenant finds in them.</summary>
internal static class ReplayData
{
    public const string Acme = "acme";
    public const string Globex = "globex";

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // Words that the watches below look for, and words they do not, so that some posts match nothing.
    private static readonly string[] Phrases =
    [
        "acme rocket skates are great",
        "the widget from acme broke again",
        "globex hired a new ceo",
        "a widget for every desk",
        "nothing to see here today",
        "weather is fine and the coffee is good",
        "globex and acme both sell a widget",
        "hiring at acme: widget engineers",
        "is the acme widget any good?",
    ];

    /// <summary>Gets the watches, the same watch name in both tenants included.</summary>
    public static IReadOnlyList<TenantWatch> Watches { get; } =
    [
        new(Acme, new Watch { Name = "brand", Category = WatchCategory.Brand, Query = "acme -hiring" }),
        new(Acme, new Watch { Name = "product", Category = WatchCategory.Product, Query = "widget" }),
        new(Acme, new Watch { Name = "rival", Category = WatchCategory.Competitor, Query = "globex" }),
        new(Globex, new Watch { Name = "brand", Category = WatchCategory.Brand, Query = "globex" }),
        new(Globex, new Watch { Name = "rival", Category = WatchCategory.Competitor, Query = "acme AND widget" }),
        new(Globex, new Watch { Name = "coffee", Category = WatchCategory.Industry, Query = "coffee OR tea" }),
    ];

    /// <summary>Builds the batches of a source: <paramref name="count"/> batches of <paramref name="size"/> posts.</summary>
    public static IReadOnlyList<IReadOnlyList<Post>> Batches(string source, int count, int size, string prefix = "") =>
        [.. Enumerable.Range(0, count).Select(b => (IReadOnlyList<Post>)[.. Enumerable.Range(0, size).Select(i => Post(source, prefix, (b * size) + i))])];

    /// <summary>The (watch name, post id) pairs each tenant must end with, found by one plain matcher per tenant.</summary>
    public static Dictionary<string, HashSet<(string Watch, string Post)>> Expected(IEnumerable<Post> posts)
    {
        var all = posts.ToList();
        return Watches.GroupBy(w => w.TenantId).ToDictionary(
            g => g.Key,
            g =>
            {
                var matcher = new MentionMatcher(g.Select(w => w.Watch));
                return all.SelectMany(matcher.Match).Select(m => (m.Watch.Name, m.Post.Id)).ToHashSet();
            });
    }

    /// <summary>The interactions each (tenant, person) must end with: one per post that matched a watch of the tenant.</summary>
    public static Dictionary<(string Tenant, string Person), int> ExpectedInteractions(IEnumerable<Post> posts)
    {
        var all = posts.ToList();
        var authors = all.ToDictionary(p => p.Id, p => p.Author.IdentityKey, StringComparer.Ordinal);
        return Expected(all)
            .SelectMany(tenant => tenant.Value.Select(pair => pair.Post).Distinct().Select(post => (tenant.Key, authors[post])))
            .GroupBy(pair => pair)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    private static Post Post(string source, string prefix, int n) => new()
    {
        Id = Monitro.Post.CreateId(source, $"{prefix}{n}"),
        Source = source,
        Author = new Author { Platform = source, Handle = $"user{n % 7}" },
        Text = Phrases[n % Phrases.Length] + $" #{n}",
        CreatedAt = Start.AddMinutes(n),
        Language = "en",
    };
}
