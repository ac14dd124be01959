using Microsoft.Extensions.Logging;
using Monitro.Orleans.Clock;

namespace Monitro.Orleans.Alerting;

/// <summary>
/// The owner of a tenant's alert rules as a grain: its windows and series load from the tenant's store on the first call
/// after activation and stay in memory; later calls read only the mentions waiting. When a commit stores an earlier next
/// check, the grain tells the cluster's clock.
/// </summary>
internal sealed class TenantAlertGrain(IMonitroClusterStores stores, TenantAlertRules rules, ClusterClock clock, ILogger<TenantAlertGrain> logger) : Grain, ITenantAlertGrain
{
    private TenantAlertOwner? _owner;

    public Task<int> RouteAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => RunAsync(now, collectDue: false, cancellationToken);

    public Task<int> CheckAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => RunAsync(now, collectDue: true, cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Forget();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task<int> RunAsync(DateTimeOffset now, bool collectDue, CancellationToken cancellationToken)
    {
        var tenantId = this.GetPrimaryKeyString();
        _owner ??= rules.CreateOwner(tenantId, stores.ForTenant(tenantId), clock.Time);
        try
        {
            if (await _owner.RunAsync(now, collectDue, cancellationToken).ConfigureAwait(true) is { } committed)
            {
                if (_owner.DueEarlier is { } due)
                {
                    await DueTimes.TellAsync(GrainFactory, tenantId, due, logger, cancellationToken).ConfigureAwait(true);
                }

                return committed;
            }
        }
        catch
        {
            // Memory may be ahead of the store now: forget it, so the next call rebuilds from the store with a new epoch.
            Forget();
            throw;
        }

        // A newer activation owns the tenant's alerts: this one goes away, and the next call reaches the owner.
        logger.TenantAlertsFenced(tenantId, _owner.Epoch);
        Forget();
        DeactivateOnIdle();
        return 0;
    }

    // The owner's router stops following the tenant's options with it.
    private void Forget()
    {
        _owner?.Dispose();
        _owner = null;
    }
}
