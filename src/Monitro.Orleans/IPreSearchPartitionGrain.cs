namespace Monitro.Orleans;

/// <summary>
/// A partition of the sharded pre-search index, keyed by its index: the terms whose hash falls on it, each with the
/// matcher shards holding a watch that requires it.
/// </summary>
/// <remarks>Its terms come from the <see cref="ITenantWatchRegistry"/>, so an activation on any silo holds the same ones.</remarks>
public interface IPreSearchPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>Looks up terms, first loading the registry's watches if the partition holds an older version.</summary>
    /// <param name="terms">The terms, each owned by this partition.</param>
    /// <param name="watchVersion">The registry version the sender routes with.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>For each term, in order, the shards of the watches that require it (empty when none).</returns>
    Task<int[][]> LookupAsync(string[] terms, long watchVersion, CancellationToken cancellationToken = default);

    /// <summary>Gets what a sender needs to compute a post's terms, first loading the registry's watches if the partition holds an older version.</summary>
    /// <param name="watchVersion">The registry version the sender routes with.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The shape of the whole index at the version the partition holds.</returns>
    /// <remarks>Partition 0 keeps the shape; the others do not, and throw <see cref="InvalidOperationException"/>.</remarks>
    Task<PreSearchShape> GetShapeAsync(long watchVersion, CancellationToken cancellationToken = default);
}
