using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Orleans.Matching;
using Monitro.Orleans.PreSearch;
using Monitro.Tests.Matching;

namespace Monitro.Orleans.Tests;

/// <summary>
/// The sharded pre-search index routes every post to exactly the shards the single index of every watch routes it to,
/// on generated watch sets (every kind of term: words, phrases, prefixes, fuzzy terms, entities, emoji, exact terms,
/// unspaced script, author:, site:, url:) and generated posts, while the lease holds only the index's shape.
/// </summary>
public sealed class PreSearchRouterTests
{
    private const int ShardCount = 8;

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task RouteAsync_GeneratedWatchesAndPosts_SameShardsAsTheSingleIndex(int partitionCount)
    {
        var samples = Gen.Select(SocialTextGenerators.Query.Array[30, 30], SocialTextGenerators.Post.Array[12, 12]);
        long pairs = 0, skipped = 0;
        for (ulong i = 0; i < 150; i++)
        {
            var (queries, posts) = samples.Generate(new PCG(18, i), null, out _);
            var registry = new InMemoryTenantWatchRegistry();
            for (var q = 0; q < queries.Length; q++)
            {
                registry.Set($"tenant{q % 3}", new Watch { Name = $"w{q}", Query = queries[q] });
            }

            var set = await registry.GetWatchesAsync();
            var single = new ShardRouter(ShardCount, NullLogger.Instance);
            single.Load(set);
            var sharded = new PreSearchRouter(ShardCount, new DirectPreSearch(registry, partitionCount, ShardCount).Calls);
            var tenants = await sharded.LoadAsync(registry, set.Version, CancellationToken.None);

            Assert.Equal(set.Watches.Select(w => w.TenantId).Distinct().Order(StringComparer.Ordinal), tenants);
            var expected = Flatten(single.Route(posts));
            Assert.True(expected.SetEquals(Flatten(await sharded.RouteAsync(posts, CancellationToken.None))), $"sample {i}: the shards differ");
            Assert.Equal(single.PairsSent, sharded.PairsSent);
            Assert.True(sharded.PartitionCalls <= partitionCount, $"sample {i}: {sharded.PartitionCalls} partition calls for one batch");
            pairs += sharded.PairsSent + sharded.PairsSkipped;
            skipped += sharded.PairsSkipped;
        }

        // The comparison is worth something only if posts reach some shards and skip others.
        Assert.InRange(skipped, 1, pairs - 1);
    }

    [Fact]
    public async Task RouteAsync_WatchEdited_PartitionsBehindTheVersionReloadAndTheNewTermRoutes()
    {
        var registry = new InMemoryTenantWatchRegistry();
        registry.Set("acme", new Watch { Name = "brand", Query = "acme" });
        var partitions = new DirectPreSearch(registry, 4, ShardCount);
        var router = new PreSearchRouter(ShardCount, partitions.Calls);
        await router.LoadAsync(registry, await registry.GetVersionAsync(), CancellationToken.None);
        var post = TestPosts.Create("globex ships the new anvil");
        Assert.Empty(await router.RouteAsync([post], CancellationToken.None));

        registry.Set("acme", new Watch { Name = "rival", Query = "globex" });
        await router.LoadAsync(registry, await registry.GetVersionAsync(), CancellationToken.None);
        var routes = await router.RouteAsync([post], CancellationToken.None);

        Assert.Equal([WatchSlice.IndexOf("acme", "rival", ShardCount)], routes.Keys);
        var both = await router.RouteAsync([TestPosts.Create("acme meets globex")], CancellationToken.None);
        Assert.Equal(new[] { WatchSlice.IndexOf("acme", "brand", ShardCount), WatchSlice.IndexOf("acme", "rival", ShardCount) }.Distinct().Order(), both.Keys.Order());
    }

    private static HashSet<(int Shard, string PostId)> Flatten(Dictionary<int, List<Post>> routes) =>
        [.. routes.SelectMany(route => route.Value.Select(post => (route.Key, post.Id)))];
}
