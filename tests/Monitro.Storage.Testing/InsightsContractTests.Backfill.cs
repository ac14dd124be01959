using Monitro.Backfill;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>A backfill on each store writes a watch's mentions exactly once and resumes from its stored cursor.</summary>
public abstract partial class InsightsContractTests<TStore>
{
    private static readonly Watch Launch = new() { Name = "launch", Category = WatchCategory.Campaign, Query = "acme AND launch" };

    [ContractFact]
    public async Task WatchBackfill_StoredPosts_WritesEachMatchOnceEvenWhenRunTwice()
    {
        var store = await StoreWithPostsAsync();
        var reports = new List<BackfillProgress>();

        var first = await new WatchBackfill(store, store).RunAsync(Launch, new BackfillOptions { BatchSize = 3 }, new ListProgress(reports));
        var again = await new WatchBackfill(store, store).RunAsync(Launch, new BackfillOptions { BatchSize = 3 });

        Assert.Equal((11L, 5L, true), (first.Scanned, first.Matched, first.Completed));
        Assert.Equal([3L, 6L, 9L, 11L], reports.Select(r => r.Scanned));
        Assert.Equal((11L, 5L), (again.Scanned, again.Matched));
        Assert.Equal(ExpectedIds, await MentionIdsAsync(store));
    }

    [ContractFact]
    public async Task WatchBackfill_CancelledMidway_ResumesAfterTheLastCommittedBatch()
    {
        var store = await StoreWithPostsAsync();
        using var cancel = new CancellationTokenSource();
        var reports = new List<BackfillProgress>();
        var progress = new ListProgress(reports, onReport: r =>
        {
            if (r.Scanned >= 6)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new WatchBackfill(store, store).RunAsync(Launch, new BackfillOptions { BatchSize = 3 }, progress, cancel.Token).AsTask());
        var afterCancel = await MentionIdsAsync(store);
        var resumed = new List<BackfillProgress>();
        var final = await new WatchBackfill(store, store).RunAsync(Launch, new BackfillOptions { BatchSize = 3 }, new ListProgress(resumed));

        Assert.Equal(4, afterCancel.Count);
        Assert.Equal([9L, 11L], resumed.Select(r => r.Scanned));
        Assert.Equal((11L, 5L, true), (final.Scanned, final.Matched, final.Completed));
        Assert.Equal(ExpectedIds, await MentionIdsAsync(store));
    }

    [ContractFact]
    public async Task WatchBackfill_ChangedQuery_StartsOverAndKeepsOneMentionPerPost()
    {
        var store = await StoreWithPostsAsync();
        await new WatchBackfill(store, store).RunAsync(Launch, new BackfillOptions { BatchSize = 4 });

        var widened = await new WatchBackfill(store, store).RunAsync(Launch with { Query = "acme" }, new BackfillOptions { BatchSize = 4 });

        Assert.Equal((11L, 9L), (widened.Scanned, widened.Matched));
        Assert.Equal(9, (await MentionIdsAsync(store)).Count);
    }

    // Posts 0..9, then post 10 ("acme launch party"): "acme AND launch" matches 0, 2, 4, 6 and 10; "acme" all but 3 and 7.
    private static readonly string[] Texts = ["acme launch", "acme", "acme launch", "globex launch", "acme launch", "acme", "acme launch", "globex", "acme", "acme"];

    private static readonly IReadOnlyList<string> ExpectedIds =
        [.. new[] { "0", "10", "2", "4", "6" }.Select(id => Mention.CreateId("launch", Post.CreateId("mastodon", id)))];

    private async Task<TStore> StoreWithPostsAsync()
    {
        var store = await CreateStoreAsync();
        var posts = Texts.Select((text, i) => M.Post(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "user" + i, text, minute: i))
            .Append(M.Post("10", "late", "acme launch party", minute: 10))
            .ToArray();

        // Posts 0..9 come first; the launch-party post then arrives with a mention the pipeline already wrote.
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = posts[..10] });
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = [posts[10]], Mentions = [M.Mention(posts[10], Launch)] });
        return store;
    }

    private static async Task<IReadOnlyList<string>> MentionIdsAsync(TStore store)
    {
        var page = await store.GetMentionsAsync(new MentionQuery { WatchName = "launch", Page = new PageRequest(100) });
        return [.. page.Items.Select(m => m.Id).Order(StringComparer.Ordinal)];
    }

    private sealed class ListProgress(List<BackfillProgress> reports, Action<BackfillProgress>? onReport = null) : IProgress<BackfillProgress>
    {
        public void Report(BackfillProgress value)
        {
            reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
