namespace Monitro.Orleans.Tests;

/// <summary>
/// The posts and rules of the alert-rule tests: Acme declares an immediate rule for complaints, an hourly digest and a
/// spike rule on ten-minute windows; Globex declares no rule. Three batches in one hour: a quiet start, a quieter
/// window, then a burst that makes a spike against the two windows before it.
/// </summary>
internal static class TenantAlertPosts
{
    public const string Acme = "acme";
    public const string Globex = "globex";

    public static readonly Watch Brand = new() { Name = "brand", Category = WatchCategory.Brand, Query = "acme" };
    public static readonly Watch GlobexBrand = new() { Name = "globex-brand", Category = WatchCategory.Brand, Query = "globex" };

    /// <summary>Gets the start of the hour the batches fall in: two hours ahead of now, so no relationship falls due on the real clock.</summary>
    public static DateTimeOffset Hour { get; } = StartOfHour(DateTimeOffset.UtcNow).AddHours(2);

    /// <summary>Gets the moment each batch is read at: minutes 1, 12 and 23 of the hour, one per spike window.</summary>
    public static IReadOnlyList<DateTimeOffset> Moments { get; } = [Hour.AddMinutes(1), Hour.AddMinutes(12), Hour.AddMinutes(23)];

    /// <summary>Gets the batches; the first has Acme's complaint and Globex's only mention.</summary>
    public static IReadOnlyList<IReadOnlyList<Post>> Batches { get; } =
    [
        [
            Create("p1", "jane@example.social", 1, "acme opened a new shop in town"),
            Create("p2", "lea@example.social", 1, "acme broke my order and nobody answers, terrible service"),
            Create("p3", "omar@example.social", 1, "walked past the acme store today"),
            Create("g1", "kim@example.social", 1, "globex released a new phone"),
        ],
        [Create("p4", "sam@example.social", 12, "acme coffee is fine")],
        [
            Create("p5", "ana@example.social", 23, "acme is down again, awful"),
            Create("p6", "ben@example.social", 23, "acme outage, nothing loads"),
            Create("p7", "cy@example.social", 23, "is acme down for everyone?"),
            Create("p8", "dee@example.social", 23, "acme down, terrible"),
            Create("p9", "eli@example.social", 23, "acme outage again"),
            Create("p10", "fay@example.social", 23, "the acme app fails to load"),
        ],
    ];

    /// <summary>Sets Acme's rules, the same in the cluster and in one process.</summary>
    public static void Rules(AlertingOptions alerting)
    {
        alerting.Rules.Add(new AlertRuleOptions { Name = "complaints", Intents = { IntentLabel.Complaint } });
        alerting.Rules.Add(new AlertRuleOptions { Name = "hourly", Mode = AlertMode.Digest, Period = DigestPeriod.Hourly });
        alerting.Rules.Add(new AlertRuleOptions
        {
            Name = "surge",
            Mode = AlertMode.Spike,
            SpikeWindow = TimeSpan.FromMinutes(10),
            BaselineWindows = 2,
            Sensitivity = 1,
            MinimumCount = 3,
        });
    }

    private static DateTimeOffset StartOfHour(DateTimeOffset now) => new(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    private static Post Create(string id, string handle, int minute, string text) => new()
    {
        Id = Post.CreateId("mastodon", id),
        Source = "mastodon",
        Author = new Author { Platform = "mastodon", Handle = handle },
        Text = text,
        CreatedAt = Hour.AddMinutes(minute),
        Language = "en",
    };
}
