using Microsoft.Extensions.Logging;
using Monitro.Orleans.Alerting;
using Monitro.Orleans.People;

namespace Monitro.Orleans.Clock;

/// <summary>
/// Wakes what is due in one tenant's store: reads the rows due by the stores' index on the due time, a page at a time,
/// wakes the people whose wake-up fell due, and checks the tenant's alert rules when one of their rows is due.
/// </summary>
/// <remarks>
/// Page by page, each after the last row of the one before: a woken person's row moves to its next wake-up, and a
/// person who could not be woken keeps its row for the next period without being read again in this one. One person
/// failing (its silo being declared dead) leaves its row in the store; the others go on.
/// </remarks>
internal sealed class TenantWake(IGrainFactory grains, ILogger logger)
{
    // People woken at once per tenant: bounds the memory of a period and the calls in flight.
    private const int PageSize = 500;

    /// <summary>Wakes what is due at <paramref name="now"/> in the tenant's store.</summary>
    public async Task WakeAsync(IDueAlertStateStore store, string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var alertsDue = false;
        AlertStateRow? after = null;
        while (true)
        {
            var page = await store.GetDueAlertStateAsync(now, PageSize, after, cancellationToken).ConfigureAwait(true);
            var people = new List<Task>();
            foreach (var row in page)
            {
                if (PersonWakeUp.TryRead(row, out var personId, out var at, out var identities))
                {
                    if (at <= now)
                    {
                        people.Add(WakePersonAsync(tenantId, personId, identities, now, cancellationToken));
                    }
                }
                else
                {
                    // Mentions waiting, or a digest or spike window ending.
                    alertsDue |= row.Scope == AlertCheckDue.Scope || row.Scope.StartsWith(PendingMentions.Prefix, StringComparison.Ordinal);
                }
            }

            await Task.WhenAll(people).ConfigureAwait(true);
            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1];
        }

        // Whatever the tenant's rules are now: rows left pending after its rules were removed still go out, one alert each.
        if (alertsDue)
        {
            await CheckAlertsAsync(tenantId, now, cancellationToken).ConfigureAwait(true);
        }
    }

    private async Task WakePersonAsync(string tenantId, string personId, string[] identities, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            _ = await grains.GetGrain<IPersonGrain>(PersonKey.Of(tenantId, personId)).AdvanceAsync(now, identities, cancellationToken).ConfigureAwait(true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.WakeUpFailed(exception, tenantId);
        }
    }

    // A check that fails leaves the rows due in the store: the tenant stays due for the next period.
    private async Task CheckAlertsAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            _ = await grains.GetGrain<ITenantAlertGrain>(tenantId).CheckAsync(now, cancellationToken).ConfigureAwait(true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.TenantAlertCheckFailed(exception, tenantId);
        }
    }
}
