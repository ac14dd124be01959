using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Orleans.Matching;

namespace Monitro.Orleans.PreSearch;

/// <summary>
/// A partition of the pre-search index: loads its terms from the registry on activation, and follows the registry's
/// change feed whenever a sender routes with a newer version (loading every watch again only when the feed no longer
/// reaches back to the version it holds).
/// </summary>
internal sealed class PreSearchPartitionGrain(ITenantWatchRegistry registry, IOptions<MonitroOrleansOptions> options, ILogger<PreSearchPartitionGrain> logger)
    : Grain, IPreSearchPartitionGrain
{
    private PreSearchPartition? _partition;

    public async Task<int[][]> LookupAsync(string[] terms, long watchVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var partition = await LoadAsync(watchVersion, cancellationToken).ConfigureAwait(true);
        return partition.Lookup(terms);
    }

    public async Task<PreSearchShape> GetShapeAsync(long watchVersion, CancellationToken cancellationToken = default) =>
        (await LoadAsync(watchVersion, cancellationToken).ConfigureAwait(true)).Shape;

    // The registry is the truth: a partition behind the sender's version catches up to the current one (at least that version).
    private async Task<PreSearchPartition> LoadAsync(long watchVersion, CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyLong();
        var partition = _partition ??= new PreSearchPartition((int)key, options.Value.PreSearchPartitions, options.Value.ShardCount);
        var from = partition.Version;
        var (changes, whole) = await WatchFeed.CatchUpAsync(partition, registry, watchVersion, cancellationToken).ConfigureAwait(true);
        if (whole)
        {
            logger.PreSearchPartitionLoaded(key, partition.TermCount, partition.Version);
        }
        else if (changes > 0)
        {
            logger.PreSearchPartitionFollowed(key, changes, from, partition.Version);
        }

        return partition;
    }
}
