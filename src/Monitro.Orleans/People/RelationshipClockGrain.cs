using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitro.Orleans.People;

/// <summary>Reads the stored wake-ups that are due in every tenant's store and wakes those people.</summary>
/// <remarks>
/// Reads only the rows due, by the stores' index on the due time, a page at a time: people whose wake-up lies in the
/// future cost no reads, however many they are.
/// </remarks>
internal sealed class RelationshipClockGrain(
    IMonitroClusterStores stores,
    ITenantWatchRegistry registry,
    IOptions<MonitroOrleansOptions> options,
    ILogger<RelationshipClockGrain> logger) : Grain, IRelationshipClockGrain
{
    // People woken at once per tenant: bounds the memory of a period and the calls in flight.
    private const int PageSize = 500;

    public async Task<int> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var watches = await registry.GetWatchesAsync(cancellationToken).ConfigureAwait(true);
        var tenants = watches.Watches.Select(static w => w.TenantId).Union(options.Value.Tenants.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var woken = 0;
        foreach (var tenantId in tenants)
        {
            if (stores.ForTenant(tenantId) is IDueAlertStateStore state)
            {
                woken += await WakeTenantAsync(state, tenantId, now, cancellationToken).ConfigureAwait(true);
            }
        }

        return woken;
    }

    // Page by page, each after the last row of the one before: a woken person's row moves to its next wake-up, and a
    // person who could not be woken keeps its row for the next period without being read again in this one.
    private async Task<int> WakeTenantAsync(IDueAlertStateStore state, string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var woken = 0;
        AlertStateRow? after = null;
        while (true)
        {
            var page = await state.GetDueAlertStateAsync(now, PageSize, after, cancellationToken).ConfigureAwait(true);
            var due = new List<Task<bool>>();
            foreach (var row in page)
            {
                if (PersonWakeUp.TryRead(row, out var personId, out var at, out var identities) && at <= now)
                {
                    due.Add(WakeAsync(tenantId, personId, identities, now, cancellationToken));
                }
            }

            woken += (await Task.WhenAll(due).ConfigureAwait(true)).Count(static ok => ok);
            if (page.Count < PageSize)
            {
                return woken;
            }

            after = page[^1];
        }
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
