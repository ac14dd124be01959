using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Orleans.Matching;
using Monitro.Orleans.PreSearch;
using Monitro.Tests.Matching;

namespace Monitro.Orleans.Tests;

/// <summary>
/// Shards, pre-search partitions and lease routers follow the registry's change feed: an edit costs the follower the
/// edit, not a reload of every watch, and a random history of edits followed through the feed leaves them matching
/// and routing every post exactly as a fresh load of the final registry does.
/// </summary>
public sealed class WatchFeedTests
{
    private const int ShardCount = 4;
    private const int Watches = 10_000;

    [Fact]
    public async Task CatchUp_OneEditAt10000Watches_ShardReadsOneChangeCompilesOneWatchAndPartitionsTouchOnlyItsTerms()
    {
        var registry = new InMemoryTenantWatchRegistry();
        for (var i = 0; i < Watches; i++)
        {
            registry.Set("acme", new Watch { Name = $"w{i}", Query = $"brand{i} OR make{i}" });
        }

        // One shard holding every watch, and the partitions of the pre-search index.
        var shard = new ShardMatcher(0, 1, NullLogger.Instance);
        var partitions = Enumerable.Range(0, 4).Select(p => new PreSearchPartition(p, 4, 1)).ToArray();
        Assert.Equal((0, true), await WatchFeed.CatchUpAsync(shard, registry, 0, CancellationToken.None));
        foreach (var partition in partitions)
        {
            await WatchFeed.CatchUpAsync(partition, registry, 0, CancellationToken.None);
        }

        var set = await registry.GetWatchesAsync();
        var fullBytes = GC.GetAllocatedBytesForCurrentThread();
        new ShardMatcher(0, 1, NullLogger.Instance).Load(set);
        fullBytes = GC.GetAllocatedBytesForCurrentThread() - fullBytes;
        var touched = partitions.Sum(p => p.TermsTouched);

        registry.Set("acme", new Watch { Name = "w5", Query = "brand5 OR remake5" });
        var version = await registry.GetVersionAsync();
        var editBytes = GC.GetAllocatedBytesForCurrentThread();
        var followed = await WatchFeed.CatchUpAsync(shard, registry, version, CancellationToken.None);
        editBytes = GC.GetAllocatedBytesForCurrentThread() - editBytes;
        foreach (var partition in partitions)
        {
            Assert.Equal((1, false), await WatchFeed.CatchUpAsync(partition, registry, version, CancellationToken.None));
        }

        Assert.Equal((1, false), followed);
        Assert.Equal((Watches + 1, Watches, version), (shard.WatchesCompiled, shard.WatchCount, shard.Version));

        // The old watch's terms taken back and the new watch's added, in all partitions together, and nothing else.
        Assert.Equal(TermsOf("brand5 OR make5") + TermsOf("brand5 OR remake5"), partitions.Sum(p => p.TermsTouched) - touched);
        Assert.True(editBytes * 50 < fullBytes, $"one edit allocated {editBytes:N0} B, a full load {fullBytes:N0} B");
        var post = TestPosts.Create("the remake5 is out");
        Assert.Equal(["w5"], shard.Match([post]).Select(m => m.Mention.Watch.Name));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task FollowingTheFeed_RandomAddsUpdatesAndRemoves_MatchesAndRoutesAsAFreshLoad(int partitionCount)
    {
        var edit = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 11], SocialTextGenerators.Query, Gen.Int[0, 3]);
        var samples = Gen.Select(edit.Array[30, 30], SocialTextGenerators.Post.Array[12, 12]);
        long mentions = 0, changesRead = 0, wholeLoads = 0;
        for (ulong i = 0; i < 60; i++)
        {
            var (edits, posts) = samples.Generate(new PCG(180, i), null, out _);

            // A short feed, so that a follower sometimes falls behind it and loads every watch instead.
            var registry = new InMemoryTenantWatchRegistry(changeRetention: 4);
            var shards = Enumerable.Range(0, ShardCount).Select(s => new ShardMatcher(s, ShardCount, NullLogger.Instance)).ToArray();
            var localRouter = new ShardRouter(ShardCount, NullLogger.Instance);
            var shardedRouter = new PreSearchRouter(ShardCount, new DirectPreSearch(registry, partitionCount, ShardCount).Calls);
            var tenants = new HashSet<string>(StringComparer.Ordinal);
            for (var e = 0; e < edits.Length; e++)
            {
                var (kind, name, query, followAfter) = edits[e];
                var tenantId = $"tenant{name % 3}";
                if (kind == 4)
                {
                    registry.Remove(tenantId, $"w{name}");
                }
                else
                {
                    registry.Set(tenantId, new Watch { Name = $"w{name}", Query = query });
                }

                // Followers catch up at different moments, some after every edit, some after several.
                var version = await registry.GetVersionAsync();
                foreach (var shard in shards.Where((_, s) => (e + s) % (followAfter + 1) == 0))
                {
                    var (read, whole) = await WatchFeed.CatchUpAsync(shard, registry, version, CancellationToken.None);
                    changesRead += read;
                    wholeLoads += whole ? 1 : 0;
                }

                if (e % (followAfter + 1) == 0)
                {
                    // Routing brings the partitions owning the posts' terms up to the router's version.
                    tenants.UnionWith(await localRouter.LoadAsync(registry, version, CancellationToken.None));
                    localRouter.Route(posts);
                    await shardedRouter.LoadAsync(registry, version, CancellationToken.None);
                    await shardedRouter.RouteAsync(posts, CancellationToken.None);
                }
            }

            var final = await registry.GetVersionAsync();
            foreach (var shard in shards)
            {
                await WatchFeed.CatchUpAsync(shard, registry, final, CancellationToken.None);
            }

            tenants.UnionWith(await localRouter.LoadAsync(registry, final, CancellationToken.None));
            var shardedTenants = await shardedRouter.LoadAsync(registry, final, CancellationToken.None);

            // A fresh load of the final registry: what every follower must now be equal to.
            var set = await registry.GetWatchesAsync();
            var fresh = Enumerable.Range(0, ShardCount).Select(s => new ShardMatcher(s, ShardCount, NullLogger.Instance)).ToArray();
            foreach (var shard in fresh)
            {
                shard.Load(set);
            }

            var freshLocal = new ShardRouter(ShardCount, NullLogger.Instance);
            freshLocal.Load(set);
            var freshSharded = new PreSearchRouter(ShardCount, new DirectPreSearch(registry, partitionCount, ShardCount).Calls);
            var freshTenants = await freshSharded.LoadAsync(registry, final, CancellationToken.None);

            Assert.Equal(fresh.Select(s => s.WatchCount), shards.Select(s => s.WatchCount));
            var expected = Found(fresh, posts);
            Assert.True(expected.SetEquals(Found(shards, posts)), $"sample {i}: the mentions differ");
            Assert.True(Flatten(freshLocal.Route(posts)).SetEquals(Flatten(localRouter.Route(posts))), $"sample {i}: the lease index routes differently");
            Assert.True(
                Flatten(await freshSharded.RouteAsync(posts, CancellationToken.None)).SetEquals(Flatten(await shardedRouter.RouteAsync(posts, CancellationToken.None))),
                $"sample {i}: the partitions route differently");
            Assert.Equal(freshTenants, shardedTenants);
            Assert.Superset(freshTenants.ToHashSet(StringComparer.Ordinal), tenants);
            mentions += expected.Count;
        }

        // Worth something only if posts matched, edits were followed one by one, and some followers fell behind the feed.
        Assert.True(mentions > 0 && changesRead > 0 && wholeLoads > ShardCount * 60, $"{mentions} mentions, {changesRead} edits read, {wholeLoads} whole loads");
    }

    // The terms a watch of the query files in the index: all of them, in a partition that is the whole index.
    private static int TermsOf(string query)
    {
        var whole = new PreSearchPartition(0, 1, 1);
        whole.Load(new TenantWatchSet(1, [new TenantWatch("acme", new Watch { Name = "w", Query = query })]));
        return whole.TermCount;
    }

    private static HashSet<(string TenantId, string Watch, string PostId, string Spans)> Found(ShardMatcher[] shards, Post[] posts) =>
        [.. shards.SelectMany(s => s.Match(posts)).Select(m => (m.TenantId, m.Mention.Watch.Name, m.Mention.Post.Id, string.Join(',', m.Mention.Spans.Select(span => $"{span.Start}+{span.Length}"))))];

    private static HashSet<(int Shard, string PostId)> Flatten(Dictionary<int, List<Post>> routes) =>
        [.. routes.SelectMany(route => route.Value.Select(post => (route.Key, post.Id)))];
}
