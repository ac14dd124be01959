namespace Monitro.Orleans;

/// <summary>
/// Where the watches of every tenant are kept: the truth that matcher shards and pre-search partitions load when they
/// activate and follow through its change feed when its version moves, so an edit reaches every shard and survives
/// any restart without anyone re-reading every watch.
/// </summary>
/// <remarks>
/// Implementations are thread-safe; every edit moves the version by one, and it never goes back. The change feed
/// keeps the most recent edits; a reader further behind than the feed reaches loads every watch again.
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
}
