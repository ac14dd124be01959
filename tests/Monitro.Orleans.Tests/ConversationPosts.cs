namespace Monitro.Orleans.Tests;

/// <summary>
/// Conversations between people and a tenant's own account, written for these tests: questions we answer (in a later
/// batch and in the same one), a post addressed to us that matches no watch, a reply to our post, a complaint left
/// open, one person on two platforms proving the same domain, and one whose two handles the tenant links by hand.
/// </summary>
internal static class ConversationPosts
{
    public const string Acme = "acme";
    public const string Globex = "globex";
    public const string OwnAccount = "mastodon:acme@example.social";

    /// <summary>Gets the configured link of the tenant Acme: one person's handles on two platforms.</summary>
    public static IdentityLink KimLink { get; } = new() { First = "mastodon:kim@example.social", Second = "bluesky:kim.bsky.social" };

    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the moment the relationships are compared at.</summary>
    public static DateTimeOffset AsOf { get; } = Start.AddDays(2);

    /// <summary>Gets the watches: Globex also watches "acme", and has no own account, so our answers are mentions to it.</summary>
    public static IReadOnlyList<TenantWatch> Watches { get; } =
    [
        new(Acme, new Watch { Name = "brand", Category = WatchCategory.Brand, Query = "acme" }),
        new(Globex, new Watch { Name = "rival", Category = WatchCategory.Competitor, Query = "acme" }),
    ];

    /// <summary>Gets the first source's batches.</summary>
    public static IReadOnlyList<IReadOnlyList<Post>> First { get; } =
    [
        [
            Create("q1", "jane@example.social", 0, "is the acme shop open on sunday?"),
            Create("h1", "omar@example.social", 2, "hello there, where is my parcel?", mentions: ["acme"]),
            Create("s1", "sam.example.com", 4, "acme rocket skates, what a ride", platform: "bluesky"),
            Create("k1", "kim@example.social", 5, "acme is fine by me"),
        ],
        [
            Create("a1", "acme@example.social", 10, "yes, acme opens 9 to 5 on sunday", replyTo: "q1", thread: "q1"),
            Create("c1", "lea@example.social", 12, "acme broke my order and nobody answers, terrible service"),
            Create("h2", "omar@example.social", 14, "@acme still waiting, where is it?", replyTo: "h1", thread: "h1", mentions: ["acme"]),
            Create("a2", "acme@example.social", 16, "sorry Omar, it ships today", replyTo: "h2", thread: "h1"),
        ],
        [
            Create("r1", "jane@example.social", 20, "thanks, great!", replyTo: "a1", thread: "q1"),
            Create("s2", "sam@example.social", 22, "acme again, love the skates", verified: "https://sam.example.com/"),
            Create("k2", "kim.bsky.social", 24, "acme support was kind to me", platform: "bluesky"),
            Create("x1", "max@example.social", 26, "nothing to do with anyone"),
        ],
    ];

    /// <summary>Gets the second source's batch, read after the first source ended: Sam without the link that proved the domain.</summary>
    public static IReadOnlyList<IReadOnlyList<Post>> Later { get; } =
    [
        [
            Create("s3", "sam@example.social", 40, "acme skates still going strong, any news?"),
            Create("a3", "acme@example.social", 45, "thanks Sam, new colours next week", replyTo: "s3", thread: "s3"),
        ],
    ];

    /// <summary>Creates a post of these conversations, <paramref name="minutes"/> after their start.</summary>
    public static Post Create(string id, string handle, int minutes, string text, string platform = "mastodon", string? replyTo = null, string? thread = null, IReadOnlyList<string>? mentions = null, string? verified = null) => new()
    {
        Id = Post.CreateId(platform, id),
        Source = platform,
        Author = new Author { Platform = platform, Handle = handle, VerifiedLinks = verified is null ? null : [new Uri(verified)] },
        Text = text,
        CreatedAt = Start.AddMinutes(minutes),
        Language = "en",
        ReplyToId = replyTo is null ? null : Post.CreateId(platform, replyTo),
        ThreadId = thread is null ? null : Post.CreateId(platform, thread),
        Entities = new PostEntities { Mentions = mentions ?? [] },
    };
}
