using Microsoft.Extensions.Logging;
using Monitro.Orleans.Clock;

namespace Monitro.Orleans.Alerting;

/// <summary>How a source lease hands a tenant's mentions to alerting: straight to the outbox without rules, through the tenant's alert grain with them.</summary>
internal static class TenantAlertHandoff
{
    /// <summary>
    /// Gets what a lease's tenant commit carries for its mentions: one immediate alert each for a tenant without rules
    /// (as one process without rules), or, for a tenant with rules, rows keeping its new mentions pending for its alert grain.
    /// </summary>
    /// <remarks>
    /// As in one process, a post already stored is not routed again: a batch read a second time (its lease moved before
    /// the checkpoint) finds its posts stored, and their mentions pending or routed since, so no mention is counted twice
    /// in a digest or a spike series.
    /// </remarks>
    public static async Task<(List<Alert> Alerts, List<AlertStateRow> Pending)> PrepareAsync(
        MonitroOrleansOptions settings, string tenantId, IMonitroStore store, string pendingScope, IReadOnlyList<Mention> mentions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!TenantAlertRules.Apply(settings, tenantId))
        {
            return ([.. mentions.Select(mention => Alert.ForMention(mention, now))], []);
        }

        if (mentions.Count == 0)
        {
            return ([], []);
        }

        var known = await store.GetKnownPostIdsAsync([.. mentions.Select(static m => m.Post.Id).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        return ([], PendingMentions.Rows(pendingScope, mentions.Where(mention => !known.Contains(mention.Post.Id))));
    }

    /// <summary>
    /// Gets a lease's call to a tenant's alert grain on the cluster: when the call fails, the lease tells the cluster's
    /// clock that the tenant's mentions wait (due at once), so its next period hands them to the grain.
    /// </summary>
    public static TenantAlertCall CallThrough(IGrainFactory grains, ILogger logger) => async (tenantId, now, cancellationToken) =>
    {
        try
        {
            return await grains.GetGrain<ITenantAlertGrain>(tenantId).RouteAsync(now, cancellationToken).ConfigureAwait(true);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await DueTimes.TellAsync(grains, tenantId, PendingMentions.DueAt, logger, cancellationToken).ConfigureAwait(true);
            throw;
        }
    };

    /// <summary>Asks the tenant's alert grain to route what the lease stored as pending; a failure is logged, and the mentions stay pending for the grain's next check, which the cluster's clock makes at its next period.</summary>
    public static async Task NotifyAsync(TenantAlertCall? call, string tenantId, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        if (call is null)
        {
            return;
        }

        try
        {
            _ = await call(tenantId, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.TenantAlertRouteFailed(exception, tenantId);
        }
    }
}
