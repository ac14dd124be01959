namespace Monitro.Orleans;

/// <summary>
/// Where the watches of every tenant are kept: the truth that matcher shards load when they activate and reload
/// when its version moves, so an edit reaches every shard and survives any restart.
/// </summary>
/// <remarks>Implementations are thread-safe; the version grows with every edit and never goes back.</remarks>
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
}
