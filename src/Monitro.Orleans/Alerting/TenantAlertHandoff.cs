using Microsoft.Extensions.Logging;
using Monitro.Orleans.Clock;

namespace Monitro.Orleans.Alerting;

/// <summary>How a source lease hands a tenant's mentions and retractions to alerting: straight to the outbox without rules, through the tenant's alert grain with them.</summary>
internal static class TenantAlertHandoff
{
    /// <summary>
    /// Gets what a lease's tenant commit carries for its mentions and retractions: for a tenant without rules, the alerts
    /// one process without rules raises (one immediate alert per mention, and one per retraction when the tenant raises
    /// them); for a tenant with rules, rows keeping its new mentions (with their authors' roles, when a rule filters by
    /// role) and its retractions pending for its alert grain. The tenant's rules are read as they are now.
    /// </summary>
    /// <param name="rules">The tenants' rules.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="store">The tenant's store.</param>
    /// <param name="pendingScope">The scope of this commit's pending rows.</param>
    /// <param name="mentions">The tenant's mentions of the batch.</param>
    /// <param name="retractions">The ids of the posts the batch retracts.</param>
    /// <param name="roleOf">Reads the relationship role of an author (by identity key) before the batch is recorded, or <see langword="null"/> when no role can be read.</param>
    /// <param name="now">The batch's moment.</param>
    /// <param name="cancellationToken">A token that cancels the reads.</param>
    /// <remarks>
    /// As in one process, a post already stored is not routed again: a batch read a second time (its lease moved before
    /// the checkpoint) finds its posts stored, and their mentions pending or routed since, so no mention is counted twice
    /// in a digest or a spike series. Roles are read as one process reads them, before the batch's interactions count:
    /// the lease calls the people after its commit. Cost: one call per distinct new author, only for a tenant with a rule
    /// that filters by role.
    /// </remarks>
    public static async Task<(List<Alert> Alerts, List<AlertStateRow> Pending)> PrepareAsync(
        TenantAlertRules rules,
        string tenantId,
        IMonitroStore store,
        string pendingScope,
        IReadOnlyList<Mention> mentions,
        IReadOnlyList<string> retractions,
        Func<string, CancellationToken, Task<string?>>? roleOf,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var alerting = rules.AlertingOf(tenantId);
        if (!TenantAlertRules.HasRules(alerting))
        {
            return (rules.StatelessOf(tenantId).Route(mentions, retractions, now), []);
        }

        var pending = alerting!.RaiseRetractionAlerts ? PendingMentions.RetractionRows(pendingScope, retractions) : [];
        if (mentions.Count == 0)
        {
            return ([], pending);
        }

        var known = await store.GetKnownPostIdsAsync([.. mentions.Select(static m => m.Post.Id).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        var fresh = mentions.Where(mention => !known.Contains(mention.Post.Id)).ToList();
        var roles = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (roleOf is not null && alerting.Rules.Any(static rule => rule.Roles.Count > 0))
        {
            var authors = fresh.Select(static m => m.Post.Author.IdentityKey).Distinct(StringComparer.Ordinal).ToList();
            var read = await Task.WhenAll(authors.Select(author => roleOf(author, cancellationToken))).ConfigureAwait(false);
            for (var i = 0; i < authors.Count; i++)
            {
                roles[authors[i]] = read[i];
            }
        }

        pending.AddRange(PendingMentions.Rows(pendingScope, fresh, roles));
        return ([], pending);
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
