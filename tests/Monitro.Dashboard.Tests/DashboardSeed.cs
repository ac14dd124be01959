using System.Globalization;
using Monitro.Testing;

namespace Monitro.Dashboard.Tests;

/// <summary>
/// What the dashboard's tests store through the store's own commits: two weeks of mentions of three watches (with a
/// spike of <c>acme</c> today), signals, people's snapshots, open inbox items, a dead alert and an unreadable item.
/// </summary>
internal static class DashboardSeed
{
    /// <summary>The dashboard's clock: noon UTC on 15 November 2026.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The zone the dashboard's days follow.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The days the overview shows.</summary>
    public const int Days = 14;

    /// <summary>Markup in a post and a name: it must stay text.</summary>
    public const string Injected = "<script>document.title='pwned'</script><img src=x>";

    public static readonly Watch Acme = new() { Name = "acme", Category = WatchCategory.Brand, Query = "acme" };
    public static readonly Watch Globex = new() { Name = "globex", Category = WatchCategory.Competitor, Query = "globex" };
    public static readonly Watch Launch = new() { Name = "launch", Category = WatchCategory.Campaign, Query = "launch" };

    /// <summary>The mentions of <c>acme</c> per day, oldest first: 2 and 3 alternating, then a spike today.</summary>
    public static readonly int[] AcmePerDay = [2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 20];

    /// <summary>The mentions of <c>globex</c> per day: one a day.</summary>
    public static readonly int[] GlobexPerDay = [.. Enumerable.Repeat(1, Days)];

    /// <summary>The mentions of <c>launch</c> per day: two on the day before yesterday.</summary>
    public static readonly int[] LaunchPerDay = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0];

    /// <summary>The id of the dead alert.</summary>
    public static string DeadAlertKey { get; private set; } = string.Empty;

    /// <summary>Stores everything through the store's commits and outbox.</summary>
    public static async Task SeedAsync(IMonitroStore store)
    {
        var posts = new List<Post>();
        var mentions = new List<Mention>();
        var n = 0;
        void Add(Watch watch, int[] perDay, Func<int, double> sentiment)
        {
            for (var day = 0; day < Days; day++)
            {
                for (var i = 0; i < perDay[day]; i++)
                {
                    n++;
                    var id = n.ToString(CultureInfo.InvariantCulture);
                    // 10:00 UTC on each day (11:00 in Berlin), a minute apart: inside the Berlin day.
                    var post = TestPosts.Create(id, $"post {id} about {watch.Query}", handle: $"user{n % 5}@example.social", createdAt: Now.AddDays(day - (Days - 1)).AddHours(-2).AddMinutes(i));
                    posts.Add(post);
                    var compound = sentiment(day);
                    mentions.Add(new Mention
                    {
                        Post = post,
                        Watch = watch,
                        Spans = [new MatchSpan(post.Text.Length - watch.Query.Length, watch.Query.Length)],
                        Signals = new MentionSignals { Sentiment = new SentimentScore(compound, compound > 0.05 ? SentimentLabel.Positive : compound < -0.05 ? SentimentLabel.Negative : SentimentLabel.Neutral, 0.9) },
                    });
                }
            }
        }

        Add(Acme, AcmePerDay, day => day % 2 == 0 ? 0.5 : -0.3);
        Add(Globex, GlobexPerDay, _ => 0);
        Add(Launch, LaunchPerDay, _ => 0.2);

        var injected = TestPosts.Create("evil", "acme " + Injected + " I want a refund?", handle: "mallory@example.social", createdAt: Now.AddHours(-1)) with
        {
            Author = new Author { Platform = "mastodon", Handle = "mallory@example.social", DisplayName = "Mallory " + Injected },
        };
        posts.Add(injected);
        var injectedMention = new Mention
        {
            Post = injected,
            Watch = Acme,
            Spans = [new MatchSpan(0, 4)],
            Signals = new MentionSignals
            {
                Sentiment = new SentimentScore(-0.6, SentimentLabel.Negative, 0.9),
                Intents = [new IntentHit(IntentLabel.Complaint, "I want a refund", 0.9)],
                NeedsResponse = true,
            },
        };
        mentions.Add(injectedMention);

        InboxItem Item(Post post, InboxItemKind kind, TimeSpan dueIn) => new()
        {
            Id = post.Id,
            PersonId = post.Author.IdentityKey,
            Source = post.Source,
            ThreadId = InboxItem.ThreadOf(post),
            Kind = kind,
            CreatedAt = post.CreatedAt,
            DueAt = post.CreatedAt + dueIn,
            UpdatedAt = post.CreatedAt,
        };

        var alert = Alert.ForMention(injectedMention, Now.AddMinutes(-50));
        DeadAlertKey = alert.IdempotencyKey;
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "seed",
            Posts = posts,
            Mentions = mentions,
            InboxItems = [Item(injected, InboxItemKind.Complaint, TimeSpan.FromHours(4)), Item(posts[0], InboxItemKind.Question, TimeSpan.FromHours(24))],
            Skipped = [new SkippedItem("rss", "item 7", "not XML: " + Injected, Injected)],
            Alerts = [alert],
        });

        var outbox = (IAlertOutbox)store;
        // The mention's alert is given up; the inbox items' own alerts (item.created) are delivered.
        var claimed = await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1));
        Assert.Contains(claimed, entry => entry.Alert.IdempotencyKey == alert.IdempotencyKey);
        foreach (var entry in claimed.Where(entry => entry.Alert.IdempotencyKey != alert.IdempotencyKey))
        {
            await outbox.MarkDeliveredAsync(entry.Alert.IdempotencyKey);
        }

        await outbox.MoveToDeadLetterAsync(alert.IdempotencyKey, "WebhookAlertSink: HttpRequestException: 503 Service Unavailable");

        await ((IRelationshipSnapshotStore)store).SaveSnapshotsAsync([
            Snapshot("mastodon:mallory@example.social", "Mallory " + Injected, 31, RelationshipRole.Detractor, affect: 12, care: null, "angry about refunds " + Injected),
            Snapshot("mastodon:user1@example.social", "user1", 78, RelationshipRole.Advocate, affect: 81, care: 64, "praises often, answered fast"),
            Snapshot("mastodon:user2@example.social", "user2", 55, RelationshipRole.Customer, affect: 50, care: 40, "uses the product"),
        ]);
    }

    private static RelationshipSnapshot Snapshot(string personId, string name, double bond, RelationshipRole role, double? affect, double? care, string reason)
    {
        var handle = personId.Split(':')[1];
        return new RelationshipSnapshot
        {
            PersonId = personId,
            Person = new Author { Platform = "mastodon", Handle = handle, DisplayName = name },
            AsOf = Now.AddHours(-1),
            Bond = bond,
            Band = bond >= 70 ? "strong" : bond >= 40 ? "warm" : "weak",
            Inbound = 3,
            Outbound = 1,
            OpenItems = 1,
            FirstContactAt = Now.AddDays(-10),
            LastContactAt = Now.AddHours(-1),
            Reason = reason,
            Affect = new RelationshipScore { Value = affect },
            Care = new RelationshipScore { Value = care },
            Role = role,
        };
    }
}
