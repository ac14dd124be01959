namespace Monitro.Orleans.Tests;

/// <summary>
/// The posts and configuration of the tests of a tenant's rule inputs in the cluster. Acme (own account, its own posts
/// counted as mentions, retractions raised) declares a rule for detractors and one for retractions; Globex (the same
/// account settings) declares none at first. Batch 1 has Lea's complaint (she is a detractor after it), batch 2 her
/// next post, batch 3 withdraws Jane's post and a post never seen.
/// </summary>
/// <remarks>The tenants and their watches are those of <see cref="TenantAlertPosts"/>.</remarks>
internal static class TenantRulePosts
{
    /// <summary>Gets the ids of the posts batch 3 withdraws: Jane's, and one never read.</summary>
    public static IReadOnlyList<string> Withdrawn { get; } = [Post.CreateId("mastodon", "a3"), Post.CreateId("mastodon", "never-seen")];

    /// <summary>Gets the batches.</summary>
    public static IReadOnlyList<IReadOnlyList<Post>> Batches { get; } =
    [
        [
            Create("a1", "lea@example.social", "acme broke my order and nobody answers, terrible service"),
            Create("a2", "acme@example.social", "acme news: our new shop opens today"),
            Create("a3", "jane@example.social", "acme opened a new shop in town"),
            Create("g1", "globex@example.social", "globex launches a new phone today"),
            Create("g2", "kim@example.social", "globex released a new phone"),
        ],
        [
            Create("a4", "lea@example.social", "acme still broken, terrible"),
            Create("a5", "jane@example.social", "acme coffee is fine"),
            Create("g3", "omar@example.social", "globex broke my phone and nobody answers, terrible service"),
            Create("g4", "ted@example.social", "the globex phone is ok"),
        ],
        [],
    ];

    /// <summary>Gets the retractions of each batch.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Retractions { get; } = [[], [], Withdrawn];

    /// <summary>Gets the tenants' configuration at start, as a host's JSON file holds it.</summary>
    public static string Initial { get; } = Configuration(
        """{ "Name": "detractors", "Roles": [ "Detractor" ] }, { "Name": "withdrawn", "Kinds": [ "mention.retracted" ] }""",
        "");

    /// <summary>Gets the tenants' configuration after the change: Acme's rules replaced by one that takes every mention, Globex given a rule for complaints.</summary>
    public static string Changed { get; } = Configuration(
        """{ "Name": "everything" }""",
        """{ "Name": "complaints", "Intents": [ "Complaint" ] }""");

    private static string Configuration(string acmeRules, string globexRules) => $$"""
        {
          "Monitro": {
            "Orleans": {
              "Tenants": {
                "acme": {
                  "OwnAccounts": [ "mastodon:acme@example.social" ],
                  "IncludeOwnPostsAsMentions": true,
                  "Alerting": { "RaiseRetractionAlerts": true, "Rules": [ {{acmeRules}} ] }
                },
                "globex": {
                  "OwnAccounts": [ "mastodon:globex@example.social" ],
                  "IncludeOwnPostsAsMentions": true,
                  "Alerting": { "RaiseRetractionAlerts": true, "Rules": [ {{globexRules}} ] }
                }
              }
            }
          }
        }
        """;

    private static Post Create(string id, string handle, string text) => new()
    {
        Id = Post.CreateId("mastodon", id),
        Source = "mastodon",
        Author = new Author { Platform = "mastodon", Handle = handle },
        Text = text,
        CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
        Language = "en",
    };
}
