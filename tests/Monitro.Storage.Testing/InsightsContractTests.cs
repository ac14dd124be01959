using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>
/// The insight aggregates and stored-post reads every store computes alike: volume and sentiment per time bucket in a
/// time zone (across daylight-saving changes), share of voice, top people, open items and posts by creation time,
/// and a watch backfill over those posts.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract partial class InsightsContractTests<TStore>
    where TStore : class, IMonitroStore, IMonitroInsights, IStoredPosts, IRelationshipSnapshotStore, IMonitroQueries
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly Watch Widgets = new() { Name = "acme-widgets", Category = WatchCategory.Brand, Query = "widget" };

    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task GetVolumeAsync_DayBucketsInBerlinOverSpringChange_SplitAtLocalMidnight()
    {
        var store = await CreateStoreAsync();
        await CommitAsync(store, [
            At("1", "2026-03-28T22:30:00Z"), // 23:30 on the 28th, CET
            At("2", "2026-03-28T23:30:00Z"), // 00:30 on the 29th, CET
            At("3", "2026-03-29T21:30:00Z"), // 23:30 on the 29th, CEST (a 23-hour day)
            At("4", "2026-03-29T22:30:00Z"), // 00:30 on the 30th, CEST
        ]);

        var buckets = await store.GetVolumeAsync(new VolumeQuery
        {
            Period = new(Instant("2026-03-28T00:00:00+01:00"), Instant("2026-03-31T00:00:00+02:00")),
            TimeZone = Berlin,
        });

        Assert.Equal(
            [("2026-03-28T00:00:00+01:00", 1), ("2026-03-29T00:00:00+01:00", 2), ("2026-03-30T00:00:00+02:00", 1)],
            buckets.Select(b => (b.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), b.Mentions)));
    }

    [ContractFact]
    public async Task GetVolumeAsync_HourBucketsOverAutumnChange_RepeatedHourIsTwoBuckets()
    {
        var store = await CreateStoreAsync();
        await CommitAsync(store, [
            At("1", "2026-10-25T00:30:00Z"), // 02:30 CEST
            At("2", "2026-10-25T01:30:00Z"), // 02:30 CET, the same clock hour again
            At("3", "2026-10-25T01:45:00Z"),
        ]);

        var buckets = await store.GetVolumeAsync(new VolumeQuery
        {
            Period = new(Instant("2026-10-25T00:00:00Z"), Instant("2026-10-25T02:00:00Z")),
            Granularity = InsightGranularity.Hour,
            TimeZone = Berlin,
        });

        Assert.Equal(
            [("2026-10-25T02:00:00+02:00", 1), ("2026-10-25T02:00:00+01:00", 2)],
            buckets.Select(b => (b.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), b.Mentions)));
    }

    [ContractFact]
    public async Task GetVolumeAsync_ByWatch_CountsSentimentLabelsAndMean()
    {
        var store = await CreateStoreAsync();
        var posts = Enumerable.Range(1, 5).Select(i => M.Post(i.ToString(CultureInfo.InvariantCulture), "user" + i, minute: i)).ToArray();
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Posts = posts,
            Mentions =
            [
                WithSentiment(M.Mention(posts[0]), 0.8, SentimentLabel.Positive),
                WithSentiment(M.Mention(posts[1]), -0.6, SentimentLabel.Negative),
                WithSentiment(M.Mention(posts[2]), 0.1, SentimentLabel.Neutral),
                M.Mention(posts[3]) with { Signals = null },
                WithSentiment(M.Mention(posts[4], M.Rival), -0.5, SentimentLabel.Negative),
            ],
        });

        var buckets = await store.GetVolumeAsync(new VolumeQuery
        {
            Period = new(M.Epoch, M.Epoch.AddDays(1)),
            GroupBy = InsightGrouping.Watch,
        });

        Assert.Equal(["acme-brand", "rival"], buckets.Select(b => b.Group));
        var brand = buckets[0];
        Assert.Equal(M.Epoch, brand.Start);
        Assert.Equal((4, 1, 1, 1), (brand.Mentions, brand.Positive, brand.Neutral, brand.Negative));
        Assert.Equal(0.1, brand.MeanSentiment!.Value, 9);
        Assert.Equal((1, 1, -0.5), (buckets[1].Mentions, buckets[1].Negative, buckets[1].MeanSentiment));
    }

    [ContractFact]
    public async Task GetVolumeAsync_FiltersAndSplits_ByCategoryWatchAndSource()
    {
        var store = await CreateStoreAsync();
        var mastodon = M.Post("1", "jane");
        var bluesky = M.Post("2", "omar") with { Id = "bluesky:2", Source = "bluesky" };
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Posts = [mastodon, bluesky],
            Mentions = [M.Mention(mastodon), M.Mention(bluesky), M.Mention(bluesky, Widgets), M.Mention(mastodon, M.Rival)],
        });
        var day = new InsightPeriod(M.Epoch, M.Epoch.AddDays(1));

        var bySource = await store.GetVolumeAsync(new VolumeQuery { Period = day, GroupBy = InsightGrouping.Source, Category = WatchCategory.Brand });
        var byCategory = await store.GetVolumeAsync(new VolumeQuery { Period = day, GroupBy = InsightGrouping.Category });
        var oneWatch = await store.GetVolumeAsync(new VolumeQuery { Period = day, WatchName = "acme-widgets" });

        Assert.Equal([("bluesky", 2), ("mastodon", 1)], bySource.Select(b => (b.Group, b.Mentions)));
        Assert.Equal([("Brand", 3), ("Competitor", 1)], byCategory.Select(b => (b.Group, b.Mentions)));
        Assert.Equal([(string.Empty, 1)], oneWatch.Select(b => (b.Group, b.Mentions)));
    }

    [ContractFact]
    public async Task GetVolumeAsync_EmptyPeriod_Throws()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.GetVolumeAsync(new VolumeQuery { Period = new(M.Epoch, M.Epoch) }).AsTask());
    }

    [ContractFact]
    public async Task GetShareOfVoiceAsync_BrandAgainstCompetitorAndWithinCategory()
    {
        var store = await CreateStoreAsync();
        var posts = Enumerable.Range(1, 4).Select(i => M.Post(i.ToString(CultureInfo.InvariantCulture), "user" + i, minute: i)).ToArray();
        var late = M.Post("9", "late", minute: 60 * 24 * 3);
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Posts = [.. posts, late],
            Mentions =
            [
                M.Mention(posts[0]), M.Mention(posts[1]), M.Mention(posts[2], Widgets),
                M.Mention(posts[3], M.Rival), M.Mention(posts[0], M.Rival with { Name = "initech" }),
                M.Mention(posts[1], new Watch { Name = "market", Category = WatchCategory.Industry, Query = "market" }),
                M.Mention(late, M.Rival),
            ],
        });
        var day = new InsightPeriod(M.Epoch, M.Epoch.AddDays(1));

        var sides = await store.GetShareOfVoiceAsync(day);
        var brands = await store.GetShareOfVoiceAsync(day, WatchCategory.Brand);

        Assert.Equal([new VoiceShare("Brand", 3, 0.6), new VoiceShare("Competitor", 2, 0.4)], sides);
        Assert.Equal(["acme-brand", "acme-widgets"], brands.Select(s => s.Key));
        Assert.Equal(2.0 / 3, brands[0].Share, 9);
    }

    [ContractFact]
    public async Task GetTopPeopleAsync_RanksByMentions_WithHandleAndLatestSnapshot()
    {
        var store = await CreateStoreAsync();
        var posts = new[] { M.Post("1", "jane"), M.Post("2", "jane", minute: 1), M.Post("3", "omar", minute: 2), M.Post("4", "li", minute: 3) };
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Posts = posts,
            Mentions = [.. posts.Select(p => M.Mention(p)), M.Mention(posts[2], M.Rival)],
        });
        await store.SaveSnapshotsAsync([M.Snapshot("jane", 40, day: 0), M.Snapshot("jane", 75, day: 1) with { Role = RelationshipRole.Advocate }]);

        var top = await store.GetTopPeopleAsync(new(M.Epoch, M.Epoch.AddDays(1)), limit: 2);
        var brandOnly = await store.GetTopPeopleAsync(new(M.Epoch, M.Epoch.AddDays(1)), limit: 3, watchName: "rival");

        Assert.Equal([("mastodon:jane", 2), ("mastodon:omar", 2)], top.Select(p => (p.PersonId, p.Mentions)));
        Assert.Equal("jane", top[0].Handle);
        Assert.Equal((75.0, RelationshipRole.Advocate), (top[0].Snapshot!.Bond, top[0].Snapshot!.Role));
        Assert.Null(top[1].Snapshot);
        Assert.Equal(["mastodon:omar"], brandOnly.Select(p => p.PersonId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetTopPeopleAsync(new(M.Epoch, M.Epoch.AddDays(1)), limit: 0).AsTask());
    }

    [ContractFact]
    public async Task GetOpenItemsAsync_InboundNeedingAnswerWithoutLaterReply_OldestFirstWithAge()
    {
        var store = await CreateStoreAsync();
        var question = M.Post("1", "jane", "does acme ship to Oslo?", minute: 10);
        var answered = M.Post("2", "omar", "acme refund please?", minute: 20);
        var complaint = M.Post("3", "li", "acme broke again", minute: 30);
        var praise = M.Post("4", "kim", "love acme", minute: 40);
        var reply = M.Post("5", "acme", "@omar done", minute: 25, replyToId: answered.Id);
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Posts = [question, answered, complaint, praise, reply],
            Interactions =
            [
                M.Inbound(question) with { NeedsResponse = true },
                M.Inbound(answered) with { NeedsResponse = true },
                M.Inbound(complaint) with { Intents = [new IntentHit(IntentLabel.Complaint, "broke", 0.9)] },
                M.Inbound(praise),
                M.Outbound(reply, answered.Author.IdentityKey),
            ],
        });
        var open = await store.GetOpenItemsAsync(M.Epoch);
        var recent = await store.GetOpenItemsAsync(M.Epoch.AddMinutes(15));

        Assert.Equal([question.Id, complaint.Id], open.Select(o => o.Interaction.PostId));
        Assert.Equal(Time.GetUtcNow() - question.CreatedAt, open[0].Age);
        Assert.Equal(IntentLabel.Complaint, Assert.Single(open[1].Interaction.Intents).Label);
        Assert.Equal([complaint.Id], recent.Select(o => o.Interaction.PostId));
    }

    [ContractFact]
    public async Task GetPostsAsync_PagesByCursorInBothDirections_AndSkipsRetractedPosts()
    {
        var store = await CreateStoreAsync();
        var posts = new[] { M.Post("a", "jane", minute: 1), M.Post("b", "omar", minute: 1), M.Post("c", "li", minute: 2), M.Post("d", "kim", minute: 3), M.Post("e", "al", minute: 4) };
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = posts });
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Retractions = [posts[3].Id] });

        var first = await store.GetPostsAsync(new StoredPostQuery { Limit = 2 });
        var rest = await store.GetPostsAsync(new StoredPostQuery { Limit = 10, After = new PostCursor(first[^1].CreatedAt, first[^1].Id) });
        var newest = await store.GetPostsAsync(new StoredPostQuery { Limit = 2, NewestFirst = true });
        var older = await store.GetPostsAsync(new StoredPostQuery { Limit = 10, NewestFirst = true, After = new PostCursor(newest[^1].CreatedAt, newest[^1].Id) });
        var ranged = await store.GetPostsAsync(new StoredPostQuery { From = M.Epoch.AddMinutes(2), Until = M.Epoch.AddMinutes(4) });

        Assert.Equal(["mastodon:a", "mastodon:b"], first.Select(p => p.Id));
        Assert.Equal(["mastodon:c", "mastodon:e"], rest.Select(p => p.Id));
        Assert.Equal(["mastodon:e", "mastodon:c"], newest.Select(p => p.Id));
        Assert.Equal(["mastodon:b", "mastodon:a"], older.Select(p => p.Id));
        Assert.Equal(["mastodon:c"], ranged.Select(p => p.Id));
        Assert.Equal("I love acme", rest[0].Text);
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static Post At(string nativeId, string utc) => M.Post(nativeId, "user" + nativeId) with { CreatedAt = Instant(utc) };

    private static Mention WithSentiment(Mention mention, double compound, SentimentLabel label) =>
        mention with { Signals = new MentionSignals { Sentiment = new SentimentScore(compound, label, 0.9) } };

    private static async Task CommitAsync(TStore store, Post[] posts) =>
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = posts, Mentions = [.. posts.Select(p => M.Mention(p))] });
}
