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
}
