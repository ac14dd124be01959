using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Benchmarks.Matching;
using Monitro.Orleans;
using Monitro.Orleans.Matching;
using Monitro.Orleans.PreSearch;

namespace Monitro.Benchmarks.ScaleOut;

/// <summary>
/// What one watch edit costs a matcher shard and the pre-search partitions: following the registry's change feed
/// (one edit read and applied) against loading every watch again, which is what they did before the feed (the
/// baseline of each category). Each invocation edits one watch in the registry and brings the shard or the
/// partitions up to date; cleanup prints the work counters per edit.
/// </summary>
/// <remarks>
/// One shard holding <see cref="WatchesPerShard"/> keyword watches of the matching corpus, and four partitions of the
/// pre-search index over them. The edit replaces one watch's query, going round the watches. Allocations include the
/// matcher's background merges of its newest indexes into its main one, so the followed figures carry their share.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WatchEditBenchmarks
{
    private const string Tenant = "tenant";
    private const int PartitionCount = 4;

    private List<Watch> _watches = [];
    private InMemoryTenantWatchRegistry _registry = null!;
    private ShardMatcher _shard = null!;
    private PreSearchPartition[] _partitions = [];
    private int _edits;
    private long _changesRead;
    private long _touchedAtStart;

    [Params(10_000, 100_000)]
    public int WatchesPerShard { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _watches = new MatchingCorpus().KeywordWatches(WatchesPerShard);
        _registry = new InMemoryTenantWatchRegistry();
        foreach (var watch in _watches)
        {
            _registry.Set(Tenant, watch);
        }

        var set = _registry.GetWatchesAsync().AsTask().GetAwaiter().GetResult();

        // What each side holds once loaded, beyond the watches the registry holds anyway (exact, after full collections).
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _shard = new ShardMatcher(0, 1, NullLogger.Instance);
        _shard.Load(set);
        var shardBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        before = GC.GetTotalMemory(forceFullCollection: true);
        _partitions = [.. Enumerable.Range(0, PartitionCount).Select(p => new PreSearchPartition(p, PartitionCount, 1))];
        foreach (var partition in _partitions)
        {
            partition.Load(set);
        }

        var partitionBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// memory at {WatchesPerShard:N0} watches: the shard {shardBytes:N0} B ({shardBytes / WatchesPerShard:N0} B per watch), {PartitionCount} partitions {partitionBytes:N0} B ({partitionBytes / WatchesPerShard:N0} B per watch)"));

        _edits = 0;
        _changesRead = 0;
        _touchedAtStart = _partitions.Sum(p => p.TermsTouched);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_edits > 0 && _changesRead > 0)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"// one edit at {WatchesPerShard:N0} watches per shard, per edit: {(double)_changesRead / _edits:F2} changes read, {(double)(_shard.WatchesCompiled - WatchesPerShard) / _edits:F2} watches compiled by the shard, {(double)(_partitions.Sum(p => p.TermsTouched) - _touchedAtStart) / _edits:F2} (term, shard) counts touched in all partitions"));
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("shard")]
    public int ShardFullReload()
    {
        Edit();
        _shard.Load(_registry.GetWatchesAsync().AsTask().GetAwaiter().GetResult());
        return _shard.WatchCount;
    }

    [Benchmark]
    [BenchmarkCategory("shard")]
    public int ShardFollowsFeed()
    {
        var version = Edit();
        return Follow(_shard, version);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("partitions")]
    public int PartitionsFullReload()
    {
        Edit();
        var set = _registry.GetWatchesAsync().AsTask().GetAwaiter().GetResult();
        foreach (var partition in _partitions)
        {
            partition.Load(set);
        }

        return _partitions[0].TermCount;
    }

    [Benchmark]
    [BenchmarkCategory("partitions")]
    public int PartitionsFollowFeed()
    {
        var version = Edit();
        var read = 0;
        foreach (var partition in _partitions)
        {
            read += Follow(partition, version);
        }

        return read;
    }

    private int Follow(IWatchFollower follower, long version)
    {
        var (read, _) = WatchFeed.CatchUpAsync(follower, _registry, version, CancellationToken.None).GetAwaiter().GetResult();
        _changesRead += read;
        return read;
    }

    // Replaces one watch's query, going round the watches; returns the version the edit made.
    private long Edit()
    {
        var watch = _watches[_edits % _watches.Count];
        var round = _edits / _watches.Count;
        _edits++;
        _registry.Set(Tenant, watch with { Query = string.Create(CultureInfo.InvariantCulture, $"{watch.Query} OR edited{round % 2}") });
        return _registry.GetVersionAsync().AsTask().GetAwaiter().GetResult();
    }
}
