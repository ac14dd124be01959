namespace Monitro.Orleans;

/// <summary>
/// The lease of one source, keyed by the source's name: while it is active, it alone reads the source, once for all
/// tenants, and commits each batch with the epoch it took when it started.
/// </summary>
public interface ISourceLeaseGrain : IGrainWithStringKey
{
    /// <summary>Starts reading the source unless this activation already does, has read it to its end, or was fenced off.</summary>
    /// <param name="cancellationToken">A token that cancels the call (not the reading).</param>
    /// <returns>The status after the call.</returns>
    Task<SourceLeaseStatus> EnsureRunningAsync(CancellationToken cancellationToken = default);

    /// <summary>Tells how the lease is doing.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The status.</returns>
    Task<SourceLeaseStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
