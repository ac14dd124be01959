using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitro.Orleans.PreSearch;

/// <summary>A partition of the pre-search index: loads its terms from the registry on activation and whenever a sender routes with a newer version.</summary>
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

    // The registry is the truth: a partition behind the sender's version loads the current set (at least that version).
    private async Task<PreSearchPartition> LoadAsync(long watchVersion, CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyLong();
        var partition = _partition ??= new PreSearchPartition((int)key, options.Value.PreSearchPartitions, options.Value.ShardCount);
        if (partition.Version < 0 || partition.Version < watchVersion)
        {
            partition.Load(await registry.GetWatchesAsync(cancellationToken).ConfigureAwait(true));
            logger.PreSearchPartitionLoaded(key, partition.TermCount, partition.Version);
        }

        return partition;
    }
}
