using Monitro.Orleans.Matching;
using Monitro.Orleans.PreSearch;

namespace Monitro.Orleans.Tests;

/// <summary>The partitions of the pre-search index called directly instead of through grains, each catching up with the registry when behind, as a grain does.</summary>
internal sealed class DirectPreSearch
{
    private readonly PreSearchPartition[] _partitions;
    private readonly ITenantWatchRegistry _registry;

    public DirectPreSearch(ITenantWatchRegistry registry, int partitionCount, int shardCount)
    {
        _registry = registry;
        _partitions = [.. Enumerable.Range(0, partitionCount).Select(p => new PreSearchPartition(p, partitionCount, shardCount))];
        Calls = new PreSearchPartitions(
            partitionCount,
            async (partition, terms, version, cancellationToken) => (await LoadAsync(partition, version, cancellationToken)).Lookup(terms),
            async (version, cancellationToken) => (await LoadAsync(0, version, cancellationToken)).Shape);
    }

    public PreSearchPartitions Calls { get; }

    private async Task<PreSearchPartition> LoadAsync(int partition, long version, CancellationToken cancellationToken)
    {
        var held = _partitions[partition];
        await WatchFeed.CatchUpAsync(held, _registry, version, cancellationToken);
        return held;
    }
}
