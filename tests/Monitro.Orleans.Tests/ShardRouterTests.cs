using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Orleans.Matching;

namespace Monitro.Orleans.Tests;

/// <summary>The pre-search router: a post reaches every shard whose watches it matches, and no shard it cannot match.</summary>
public sealed class ShardRouterTests
{
    private const int ShardCount = 8;

    [Fact]
    public void Route_ReplayPosts_EveryMatchReachesItsShardAndPostsMatchingNothingGoNowhere()
    {
        var set = new TenantWatchSet(1, ReplayData.Watches);
        var router = new ShardRouter(ShardCount, NullLogger.Instance);
        router.Load(set);
        var shards = Enumerable.Range(0, ShardCount).Select(i => new ShardMatcher(i, ShardCount, NullLogger.Instance)).ToArray();
        foreach (var shard in shards)
        {
            shard.Load(set);
        }

        var posts = ReplayData.Batches("replay", count: 1, size: 40)[0];
        var routes = router.Route(posts);

        // What the routed shards find is what one matcher per tenant finds in all posts.
        var found = routes.SelectMany(route => shards[route.Key].Match(route.Value)).Select(m => (m.TenantId, m.Mention.Watch.Name, m.Mention.Post.Id)).ToList();
        var expected = ReplayData.Expected(posts).SelectMany(tenant => tenant.Value.Select(pair => (tenant.Key, pair.Watch, pair.Post)));
        Assert.Equal(expected.Order(), found.Order());

        // "nothing to see here today" holds no watch's required term: it goes to no shard.
        var silent = posts.Where(p => p.Text.StartsWith("nothing", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(silent);
        Assert.DoesNotContain(routes.Values, list => list.Intersect(silent).Any());
        Assert.Equal(posts.Count * ShardCount, router.PairsSent + router.PairsSkipped);
        Assert.True(router.PairsSkipped > router.PairsSent, $"{router.PairsSkipped} pairs skipped, {router.PairsSent} sent");
    }

    [Fact]
    public void ShardOf_SameTenantAndWatch_AlwaysTheSameShardAndTenantsSpreadApart()
    {
        Assert.Equal(WatchSlice.IndexOf("acme", "brand", 16), WatchSlice.IndexOf("acme", "brand", 16));
        var spread = Enumerable.Range(0, 200).Select(i => WatchSlice.IndexOf($"tenant{i}", "brand", 16)).Distinct().Count();
        Assert.Equal(16, spread);
    }
}
