using Orleans.Concurrency;

namespace Monitro.Orleans;

/// <summary>
/// The cluster's clock: a directory of the moment each tenant next has something due (a person's wake-up, as one
/// process's relationship timer raises an answer overdue or a relationship turning dormant; a digest window closing or
/// a spike window ending under the tenant's alert rules; mentions left waiting for the tenant's alert grain). Each
/// period it wakes only the tenants due, so a period costs the tenants with something due, not all tenants. One
/// activation (key 0) serves the cluster; every silo calls it each period, so it comes back on another silo when its
/// own dies.
/// </summary>
/// <remarks>
/// <para>The tenants' stores are the truth: each due moment is an alert-state row with its due time, written in the
/// transaction of what moved it, so it outlives the silos of the grains and of the clock. The clock reads each tenant's
/// earliest due row when it activates (one indexed read per tenant), after it woke the tenant, and once every
/// 60 periods for every tenant (a moment told to it that was lost on the way); between those reads the grains tell it
/// of moments earlier than the ones they stored before (<see cref="DueAtAsync"/>).</para>
/// </remarks>
public interface IClusterClockGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Wakes every tenant with something due at or before <paramref name="now"/>: the people whose stored wake-up fell
    /// due (each commits the alerts of its transitions) and, for a tenant with alert rules, its alert grain's check.
    /// </summary>
    /// <param name="now">The moment to move the tenants to.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The number of tenants woken.</returns>
    Task<int> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Tells the clock that a tenant has something due at <paramref name="at"/>, already stored in the tenant's store; the clock keeps the earlier of it and what it knew.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="at">The moment.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>A task that completes when the clock holds the moment.</returns>
    /// <remarks>Runs while a period waits on the grains it wakes, which tell the clock their next moments.</remarks>
    [AlwaysInterleave]
    Task DueAtAsync(string tenantId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
