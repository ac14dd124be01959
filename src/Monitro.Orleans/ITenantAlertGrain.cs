namespace Monitro.Orleans;

/// <summary>
/// The one owner of a tenant's alert rules in the cluster (<see cref="MonitroTenantOptions.Alerting"/>), keyed by the
/// tenant id: it routes the mentions the source leases stored for the tenant with the single-process router (immediate
/// alerts, digest windows, spike series), closes the digest windows that ended and checks the spike series, and commits
/// the alerts with the state they change in one transaction of the tenant's store.
/// </summary>
/// <remarks>
/// <para>The leases store each new mention of a tenant with rules as pending, in their own fenced commit, and call
/// <see cref="RouteAsync"/> after it; the cluster's clock (<see cref="IClusterClockGrain"/>) calls <see cref="CheckAsync"/>
/// when the moment the grain stored for its next check comes (a digest window closing, a spike window ending) or mentions
/// were left pending, which also re-activates the grain on another silo when its own died. The store is the truth: an
/// activation takes a new epoch from the tenant's store, then reads the windows, series and pending mentions back whole
/// and keeps them in memory (later calls read only the pending mentions), and every commit of an older activation is
/// refused from then on, so two activations of the grain never both send.</para>
/// </remarks>
public interface ITenantAlertGrain : IGrainWithStringKey
{
    /// <summary>Routes the tenant's pending mentions at <paramref name="now"/> (or at the latest moment this grain routed at, if later) and commits what they raise.</summary>
    /// <param name="now">The moment of routing: the batch's moment when a lease calls.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The number of alerts committed.</returns>
    Task<int> RouteAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Routes the pending mentions, then closes the digest windows that ended by <paramref name="now"/> and checks the spike series; commits what they raise.</summary>
    /// <param name="now">The moment of the check.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The number of alerts committed.</returns>
    Task<int> CheckAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
