using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Benchmarks.Matching;
using Monitro.Orleans;
using Monitro.Orleans.Matching;

namespace Monitro.Benchmarks.ScaleOut;

/// <summary>
/// The pre-search filter of the scaled-out path: routing posts to only the shards whose watches they may match,
/// against sending every post to every shard (the baseline). At the end of each run it prints the share of
/// (post, shard) pairs skipped, which decides how much matching work the cluster saves.
/// </summary>
/// <remarks>
/// Two shards of <see cref="WatchesPerShard"/> keyword watches each (the matching corpus's, spread by the same hash
/// as in a cluster). Shards are filled independently by the hash, so the share skipped per shard does not depend on
/// the number of shards, only on how many watches a shard holds.
/// </remarks>
[MemoryDiagnoser]
public class PreSearchBenchmarks
{
    private const int Posts = 2_000;
    private const int ShardCount = 2;

    private List<Post> _posts = [];
    private ShardRouter _router = null!;

    [Params(10_000, 100_000)]
    public int WatchesPerShard { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new MatchingCorpus();
        var watches = corpus.KeywordWatches(WatchesPerShard * ShardCount).Select(w => new TenantWatch("tenant", w)).ToList();
        _posts = corpus.Posts(Posts);
        _router = new ShardRouter(ShardCount, NullLogger.Instance);
        _router.Load(new TenantWatchSet(1, watches));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var pairs = _router.PairsSent + _router.PairsSkipped;
        if (pairs > 0)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"// pre-search at {WatchesPerShard:N0} watches per shard: {_router.PairsSkipped:N0} of {pairs:N0} (post, shard) pairs skipped = {100.0 * _router.PairsSkipped / pairs:F1}%"));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Posts)]
    public int EveryShard()
    {
        // What a cluster without the filter does: every post to every shard.
        var routes = new Dictionary<int, List<Post>>();
        for (var shard = 0; shard < ShardCount; shard++)
        {
            routes[shard] = [.. _posts];
        }

        return routes.Count;
    }

    [Benchmark(OperationsPerInvoke = Posts)]
    public int Route() => _router.Route(_posts).Count;
}
