namespace Monitro.Orleans;

/// <summary>
/// Where the watches of every tenant are kept: the truth that matcher shards and pre-search partitions load when they
/// activate and follow through its change feed when its version moves, so an edit reaches every shard and survives
/// any restart without anyone re-reading every watch.
/// </summary>
/// <remarks>
/// Implementations are thread-safe; every edit moves the version by one, and it never goes back. The change feed
/// keeps the most recent edits; a reader further behind than the feed reaches loads its watches again. A matcher shard
/// reads only its <see cref="WatchSlice"/> of the watches and of the feed, so a registry keeps each watch's key
/// (<see cref="WatchSlice.KeyOf"/>) where a range of keys is read without the rest.
/// </remarks>
public interface ITenantWatchRegistry
{
    /// <summary>Gets the current version, a cheap read made once per source batch.</summary>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The version.</returns>
    ValueTask<long> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets every watch with the version it belongs to.</summary>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The watches.</returns>
    ValueTask<TenantWatchSet> GetWatchesAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the edits made after a version, oldest first.</summary>
    /// <param name="version">The version the reader holds.</param>
    /// <param name="limit">The most edits to return; a reader asks again from the last one it got.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The edits, or word that the feed no longer reaches back to <paramref name="version"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    ValueTask<TenantWatchChanges> GetChangesSinceAsync(long version, int limit, CancellationToken cancellationToken = default);

    /// <summary>Gets the watches of one slice (those one matcher shard holds) with the version they belong to.</summary>
    /// <param name="slice">The slice.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The watches whose key falls in the slice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="slice"/> is <see langword="null"/>.</exception>
    ValueTask<TenantWatchSet> GetSliceAsync(WatchSlice slice, CancellationToken cancellationToken = default);

    /// <summary>Gets the edits of one slice's watches made after a version, oldest first.</summary>
    /// <param name="version">The version the reader holds.</param>
    /// <param name="limit">The most edits to return; a reader given fewer holds the page's <see cref="TenantWatchChanges.Version"/> once it applied them, and otherwise asks again from the last one it got.</param>
    /// <param name="slice">The slice.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The slice's edits, or word that the feed no longer reaches back to <paramref name="version"/> (as for the whole feed).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="slice"/> is <see langword="null"/>.</exception>
    ValueTask<TenantWatchChanges> GetSliceChangesSinceAsync(long version, int limit, WatchSlice slice, CancellationToken cancellationToken = default);

    /// <summary>Gets the tenants that have watches, in ordinal order, a page at a time, without reading their watches.</summary>
    /// <param name="after">The last tenant of the previous page, or <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most tenants to return; fewer means the listing ended.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The tenants after <paramref name="after"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    ValueTask<IReadOnlyList<string>> GetTenantsAsync(string? after, int limit, CancellationToken cancellationToken = default);
}
