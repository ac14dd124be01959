namespace Monitro.Orleans;

/// <summary>How Monitro runs on an Orleans cluster.</summary>
/// <remarks>Every silo of a cluster must use the same values: a watch's shard follows from <see cref="ShardCount"/>.</remarks>
public sealed class MonitroOrleansOptions
{
    /// <summary>Gets or sets the number of matcher shards the watches are spread over.</summary>
    /// <value>From 1 to 65,536; the default is 16.</value>
    public int ShardCount { get; set; } = 16;

    /// <summary>Gets or sets how often each silo makes sure every source lease runs, re-activating a lease whose silo died.</summary>
    /// <value>From 10 milliseconds to 10 minutes; the default is 10 seconds.</value>
    public TimeSpan LeaseKeepAlivePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the number of activations of each matcher shard; a post goes to one of them (by a hash of its id), a watch edit reaches all.</summary>
    /// <value>From 1 to 64; the default is 1. Raise it when a shard's matching is the bottleneck.</value>
    public int ReplicasPerShard { get; set; } = 1;

    /// <summary>
    /// Gets or sets the number of partitions of the pre-search index (which shards a post may hit), each a grain holding
    /// the terms whose hash falls on it; 0 keeps the whole index in every source lease instead.
    /// </summary>
    /// <value>
    /// From 0 to 65,536; the default is 16. 0 routes a post with no grain call but holds every watch's terms in each
    /// lease, which suits up to about a million watches (see docs/scale-out.md).
    /// </value>
    public int PreSearchPartitions { get; set; } = 16;

    /// <summary>Gets or sets the longest post text kept, in characters; longer texts are cut before matching, as in one process.</summary>
    /// <value>From 280 to 10,000,000; the default is 100,000, as <see cref="MonitroOptions.MaxTextLength"/>.</value>
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>Gets the relationship scoring parameters and response-time targets the person grains use.</summary>
    public RelationshipOptions Relationships { get; init; } = new();

    /// <summary>Gets what each tenant declares about itself (its own accounts, its linked identities), by tenant id; a tenant not listed declares nothing.</summary>
    public IDictionary<string, MonitroTenantOptions> Tenants { get; } = new Dictionary<string, MonitroTenantOptions>(StringComparer.Ordinal);
}
