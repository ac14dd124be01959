using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitro.Orleans.People;

/// <summary>Reads the stored wake-ups of every tenant and wakes the people that are due.</summary>
/// <remarks>
/// Reads each tenant's alert-state rows whole (in the cluster's stores they hold only identity links, verified domains
/// and these wake-ups); a tenant with very many pending people would want an indexed read (see docs/scale-out.md).
/// </remarks>
internal sealed class RelationshipClockGrain(
    IMonitroClusterStores stores,
    ITenantWatchRegistry registry,
    IOptions<MonitroOrleansOptions> options,
    ILogger<RelationshipClockGrain> logger) : Grain, IRelationshipClockGrain
{
    public async Task<int> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var watches = await registry.GetWatchesAsync(cancellationToken).ConfigureAwait(true);
        var tenants = watches.Watches.Select(static w => w.TenantId).Union(options.Value.Tenants.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var woken = 0;
        foreach (var tenantId in tenants)
        {
            if (stores.ForTenant(tenantId) is not IAlertStateStore state)
            {
                continue;
            }

            var due = new List<Task<bool>>();
            foreach (var row in await state.GetAlertStateAsync(cancellationToken).ConfigureAwait(true))
            {
                if (PersonWakeUp.TryRead(row, out var personId, out var at, out var identities) && at <= now)
                {
                    due.Add(WakeAsync(tenantId, personId, identities, now, cancellationToken));
                }
            }

            woken += (await Task.WhenAll(due).ConfigureAwait(true)).Count(static ok => ok);
        }

        return woken;
    }

    // One person failing (its silo being declared dead) leaves its row in the store for the next period; the others go on.
    private async Task<bool> WakeAsync(string tenantId, string personId, string[] identities, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            _ = await GrainFactory.GetGrain<IPersonGrain>(PersonKey.Of(tenantId, personId)).AdvanceAsync(now, identities, cancellationToken).ConfigureAwait(true);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.WakeUpFailed(exception, tenantId);
            return false;
        }
    }
}
