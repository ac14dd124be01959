using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Tests.Backfill;

public sealed class WatchBackfillSchedulerTests
{
    private static readonly Watch Launch = new() { Name = "launch", Category = WatchCategory.Campaign, Query = "acme AND launch" };

    // Posts 0..9: "acme AND launch" matches the even ones, "acme" all but 7.
    private static readonly string[] Texts = ["acme launch", "acme", "acme launch", "acme", "acme launch", "acme", "acme launch", "globex", "acme launch", "acme"];

    [Fact]
    public async Task Request_StoredPosts_WritesEachMatchOnceInTheBackgroundWithProgress()
    {
        var store = await StoreWithPostsAsync();
        await using var scheduler = new WatchBackfillScheduler(new WatchBackfill(store, store), new BackfillOptions { BatchSize = 3 });

        scheduler.Request(Launch);
        await scheduler.WhenIdleAsync();

        var progress = Assert.Single(scheduler.GetProgress());
        Assert.Equal(("launch", 10L, 5L, true), (progress.WatchName, progress.Scanned, progress.Matched, progress.Completed));
        Assert.False(scheduler.IsBusy);
        Assert.Equal(["0", "2", "4", "6", "8"], await MentionPostsAsync(store, "launch"));
    }

    [Fact]
    public async Task Request_AfterARestart_ResumesFromTheStoredCursorAndWritesNothingTwice()
    {
        var store = await StoreWithPostsAsync();
        await using (var first = new WatchBackfillScheduler(new WatchBackfill(store, store), new BackfillOptions { BatchSize = 4 }))
        {
            first.Request(Launch);
            await first.WhenIdleAsync();
        }

        var late = M.Post("10", "late", "acme launch party", minute: 10);
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = [late] });
        await using var second = new WatchBackfillScheduler(new WatchBackfill(store, store), new BackfillOptions { BatchSize = 4 });
        second.Request(Launch);
        await second.WhenIdleAsync();

        // Counts carry on from the stored cursor: only the post stored since was read again.
        var progress = Assert.Single(second.GetProgress());
        Assert.Equal((11L, 6L, true), (progress.Scanned, progress.Matched, progress.Completed));
        Assert.Equal(["0", "10", "2", "4", "6", "8"], await MentionPostsAsync(store, "launch"));
    }

    [Fact]
    public async Task Request_ChangedWatch_StartsOverWithTheNewQueryAndKeepsOneMentionPerPost()
    {
        var store = await StoreWithPostsAsync();
        await using var scheduler = new WatchBackfillScheduler(new WatchBackfill(store, store), new BackfillOptions { BatchSize = 2 });

        scheduler.Request(Launch);
        scheduler.Request(Launch with { Query = "acme" });
        await scheduler.WhenIdleAsync();

        var progress = Assert.Single(scheduler.GetProgress());
        Assert.Equal((10L, 9L, true), (progress.Scanned, progress.Matched, progress.Completed));
        Assert.Equal(9, (await MentionPostsAsync(store, "launch")).Count);
    }

    [Fact]
    public async Task Request_SeveralWatches_RunsThemOneAfterAnother()
    {
        var store = await StoreWithPostsAsync();
        await using var scheduler = new WatchBackfillScheduler(new WatchBackfill(store, store), new BackfillOptions { BatchSize = 3 });

        scheduler.Request(Launch);
        scheduler.Request(new Watch { Name = "rival", Category = WatchCategory.Competitor, Query = "globex" });
        await scheduler.WhenIdleAsync();

        Assert.Equal([("launch", 5L), ("rival", 1L)], scheduler.GetProgress().Select(p => (p.WatchName, p.Matched)));
        Assert.Equal(["7"], await MentionPostsAsync(store, "rival"));
    }

    [Fact]
    public async Task Request_QueryThatDoesNotParse_ThrowsAtOnce()
    {
        var store = new InMemoryMonitroStore();
        await using var scheduler = new WatchBackfillScheduler(new WatchBackfill(store, store));

        Assert.Throws<QuerySyntaxException>(() => scheduler.Request(Launch with { Query = "acme AND (" }));
        Assert.False(scheduler.IsBusy);
    }

    [Fact]
    public async Task Host_WithBackfillOnStart_RematchesStoredPostsForEveryConfiguredWatch()
    {
        var store = await StoreWithPostsAsync();
        var services = new ServiceCollection();
        services.AddSingleton(store);
        services.AddMonitro(o =>
        {
            o.RunInBackground = false;
            o.BackfillWatchesOnStart = true;
            o.BackfillBatchSize = 4;
        }).AddWatch("launch", WatchCategory.Campaign, "acme AND launch");
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var hosted = provider.GetServices<IHostedService>().OfType<Monitro.Backfill.WatchBackfillHostedService>().Single();

        await hosted.StartAsync(CancellationToken.None);
        var scheduler = provider.GetRequiredService<WatchBackfillScheduler>();
        await scheduler.WhenIdleAsync();
        await hosted.StopAsync(CancellationToken.None);

        Assert.Equal((10L, 5L), scheduler.GetProgress().Select(p => (p.Scanned, p.Matched)).Single());
        Assert.Equal(["0", "2", "4", "6", "8"], await MentionPostsAsync(store, "launch"));
    }

    [Fact]
    public async Task Host_WithoutBackfillOnStart_RematchesNothing()
    {
        var store = await StoreWithPostsAsync();
        var services = new ServiceCollection();
        services.AddSingleton(store);
        services.AddMonitro(o => o.RunInBackground = false).AddWatch("launch", WatchCategory.Campaign, "acme AND launch");
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().OfType<Monitro.Backfill.WatchBackfillHostedService>().Single();

        await hosted.StartAsync(CancellationToken.None);
        await hosted.StopAsync(CancellationToken.None);

        Assert.Empty(await MentionPostsAsync(store, "launch"));
    }

    private static async Task<InMemoryMonitroStore> StoreWithPostsAsync()
    {
        var store = new InMemoryMonitroStore();
        var posts = Texts.Select((text, i) => M.Post(i.ToString(CultureInfo.InvariantCulture), "user" + i, text, minute: i)).ToArray();
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = posts });
        return store;
    }

    private static async Task<IReadOnlyList<string>> MentionPostsAsync(InMemoryMonitroStore store, string watchName)
    {
        var page = await store.GetMentionsAsync(new MentionQuery { WatchName = watchName, Page = new PageRequest(100) });
        return [.. page.Items.Select(m => m.Post.Id["mastodon:".Length..]).Order(StringComparer.Ordinal)];
    }
}
