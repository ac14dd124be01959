using Monitro.Testing;

namespace Monitro.Dashboard.Tests;

/// <summary>
/// The dashboard's application with, beside the usual data, data written to break its pages: bidi controls that would
/// reverse the rest of a row, control characters, markup and a <c>javascript:</c> address in every field a page shows.
/// </summary>
public sealed class HostileDashboardHost : DashboardHost
{
    /// <summary>A right-to-left override and an isolate left open: unisolated, they reverse whatever follows on the line.</summary>
    public const string Bidi = "\u202Egnp.exe\u2067";

    /// <summary>Bidi controls, control characters, markup and the end of an XML character data section.</summary>
    public const string Hostile = Bidi + "\u0001\u001B]]><script>alert(1)</script>";

    /// <summary>The address of the hostile post: a script.</summary>
    public static readonly Uri ScriptUrl = new("javascript:alert(1)");

    /// <summary>The hostile watch, stored with its mention (not configured).</summary>
    public static readonly Watch Watch = new() { Name = "evil " + Hostile, Category = WatchCategory.Brand, Query = "acme" };

    private protected override async Task SeedAsync(IMonitroStore store)
    {
        await DashboardSeed.SeedAsync(store);
        var post = TestPosts.Create("hostile", "acme " + Hostile + " end", handle: "eve" + Bidi + "@example.social", createdAt: DashboardSeed.Now.AddMinutes(-30)) with
        {
            Author = new Author { Platform = "mastodon", Handle = "eve" + Bidi + "@example.social", DisplayName = "Eve " + Hostile },
            Url = ScriptUrl,
        };
        var mention = new Mention
        {
            Post = post,
            Watch = Watch,
            Spans = [new MatchSpan(0, 4)],
            Signals = new MentionSignals
            {
                Sentiment = new SentimentScore(-0.5, SentimentLabel.Negative, 0.9),
                Intents = [new IntentHit(IntentLabel.Complaint, Hostile, 0.9)],
            },
        };
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "hostile",
            Posts = [post],
            Mentions = [mention],
            InboxItems =
            [
                new InboxItem
                {
                    Id = post.Id,
                    PersonId = post.Author.IdentityKey,
                    Source = post.Source,
                    ThreadId = InboxItem.ThreadOf(post),
                    Kind = InboxItemKind.Complaint,
                    CreatedAt = post.CreatedAt,
                    DueAt = post.CreatedAt.AddHours(4),
                    UpdatedAt = post.CreatedAt,
                },
            ],
            Skipped = [new SkippedItem("rss " + Hostile, "item " + Hostile, "not XML " + Hostile, Hostile)],
        });
        await ((IRelationshipSnapshotStore)store).SaveSnapshotsAsync([
            new RelationshipSnapshot
            {
                PersonId = post.Author.IdentityKey,
                Person = post.Author,
                AsOf = DashboardSeed.Now.AddMinutes(-30),
                Bond = 12,
                Band = "weak " + Hostile,
                Inbound = 1,
                Outbound = 0,
                OpenItems = 1,
                FirstContactAt = DashboardSeed.Now.AddDays(-1),
                LastContactAt = DashboardSeed.Now.AddMinutes(-30),
                Reason = "angry " + Hostile,
                Affect = new RelationshipScore { Value = 5 },
                Care = new RelationshipScore { Value = null },
                Role = RelationshipRole.Detractor,
            },
        ]);
    }
}
