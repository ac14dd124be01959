namespace Monitro.Orleans;

/// <summary>
/// The version of one tenant's identity links (keyed by tenant id): a source lease moves it after committing a link or
/// verified domain it learnt, and every lease reads it once per batch and reloads the tenant's links from the tenant's
/// store when it moved, so a link learnt by one lease reaches the others at their next batch.
/// </summary>
/// <remarks>
/// The store is the truth; the grain only says when to read it again. A new activation starts at a version no lease
/// has seen (the moment it started, in ticks), so every lease reloads once after the grain's silo died.
/// </remarks>
public interface ITenantLinksGrain : IGrainWithStringKey
{
    /// <summary>Gets the current version.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The version.</returns>
    Task<long> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves the version by one, after the caller committed links to the tenant's store.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The new version.</returns>
    Task<long> MoveAsync(CancellationToken cancellationToken = default);
}
