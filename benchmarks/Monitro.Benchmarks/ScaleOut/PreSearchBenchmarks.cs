using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Benchmarks.Matching;
using Monitro.Orleans;
using Monitro.Orleans.Matching;
using Monitro.Orleans.PreSearch;

namespace Monitro.Benchmarks.ScaleOut;

/// <summary>
/// The pre-search filter of the scaled-out path: routing posts to only the shards whose watches they may match, with
/// the whole index in the lease (the baseline, <see cref="MonitroOrleansOptions.PreSearchPartitions"/> 0) against the
/// sharded index (the lease holds only its shape and asks the partitions owning each batch's terms), and against
/// sending every post to every shard. Setup prints the bytes each lease holds for routing; cleanup prints the share of
/// (post, shard) pairs skipped, which decides how much matching work the cluster saves.
/// </summary>
/// <remarks>
/// Two shards of <see cref="WatchesPerShard"/> keyword watches each (the matching corpus's, spread by the same hash
/// as in a cluster). Shards are filled independently by the hash, so the share skipped per shard does not depend on
/// the number of shards, only on how many watches a shard holds. The partitions are called directly: the sharded
/// figures exclude the grain calls (one per partition per batch), which the scale-out benchmarks measure.
/// </remarks>
[MemoryDiagnoser]
public class PreSearchBenchmarks
{
    private const int Posts = 2_000;
    private const int ShardCount = 2;
    private const int PartitionCount = 4;

    private List<Post> _posts = [];
    private ShardRouter _local = null!;
    private PreSearchRouter _sharded = null!;

    [Params(10_000, 100_000)]
    public int WatchesPerShard { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new MatchingCorpus();
        var set = new TenantWatchSet(1, [.. corpus.KeywordWatches(WatchesPerShard * ShardCount).Select(w => new TenantWatch("tenant", w))]);
        _posts = corpus.Posts(Posts);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        _local = new ShardRouter(ShardCount, NullLogger.Instance);
        _local.Load(set);
        var localBytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        before = GC.GetTotalMemory(forceFullCollection: true);
        var partitions = Enumerable.Range(0, PartitionCount).Select(p => new PreSearchPartition(p, PartitionCount, ShardCount)).ToArray();
        foreach (var partition in partitions)
        {
            partition.Load(set);
        }

        var partitionBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        before = GC.GetTotalMemory(forceFullCollection: true);
        _sharded = new PreSearchRouter(ShardCount, new PreSearchPartitions(
            PartitionCount,
            (partition, terms, _, _) => Task.FromResult(partitions[partition].Lookup(terms)),
            (_, _) => Task.FromResult(partitions[0].Shape)));
        _ = _sharded.LoadAsync(new InMemoryTenantWatchRegistry(), set.Version, CancellationToken.None).GetAwaiter().GetResult();
        var shardedBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(_local);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// pre-search index at {WatchesPerShard:N0} watches per shard: {localBytes:N0} B in each lease (whole index); sharded: {shardedBytes:N0} B in each lease, {partitionBytes:N0} B over {PartitionCount} partitions"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var pairs = _sharded.PairsSent + _sharded.PairsSkipped;
        if (pairs > 0)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"// pre-search at {WatchesPerShard:N0} watches per shard: {_sharded.PairsSkipped:N0} of {pairs:N0} (post, shard) pairs skipped = {100.0 * _sharded.PairsSkipped / pairs:F1}% (whole index: {_local.PairsSkipped:N0} of {_local.PairsSent + _local.PairsSkipped:N0})"));
        }
    }

    [Benchmark(OperationsPerInvoke = Posts)]
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

    [Benchmark(Baseline = true, OperationsPerInvoke = Posts)]
    public int WholeIndexInLease() => _local.Route(_posts).Count;

    [Benchmark(OperationsPerInvoke = Posts)]
    public int ShardedIndex() => _sharded.RouteAsync(_posts, CancellationToken.None).GetAwaiter().GetResult().Count;
}
