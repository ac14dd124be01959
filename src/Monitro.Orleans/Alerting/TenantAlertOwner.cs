using Monitro.Alerting;
using Monitro.Alerting.State;

namespace Monitro.Orleans.Alerting;

/// <summary>
/// One activation's ownership of a tenant's alert rules: the single-process router holding the tenant's digest windows
/// and spike series, an epoch taken from the tenant's store, and the moment it last routed at.
/// </summary>
/// <remarks>
/// <para>It takes its epoch before it reads the store back: a commit of an older owner either landed before that read
/// (and is in what this owner restores) or is refused. Every commit carries the alerts, the state they change and the
/// clearing of the pending mentions they came from, fenced by the epoch, so the store never holds one without the others.</para>
/// <para>Not thread-safe: its grain calls it one call at a time. After a failed commit memory may be ahead of the
/// store; the owner is then dropped and the next one rebuilds from the store. Its router follows the tenant's options
/// until the owner is disposed.</para>
/// </remarks>
internal sealed class TenantAlertOwner(IMonitroStore store, AlertRouter router) : IDisposable
{
    /// <summary>The source name the owners' epochs and commits go under in a tenant's store.</summary>
    public const string SourceName = "monitro.tenant-alerts";

    private long _epoch;
    private DateTimeOffset _latest = DateTimeOffset.MinValue;

    /// <summary>Gets the epoch of this owner, 0 before its first call.</summary>
    public long Epoch => _epoch;

    /// <summary>Routes the pending mentions, and with <paramref name="collectDue"/> closes the digest windows and checks the spikes; commits what that raised.</summary>
    /// <returns>The number of alerts committed, or <see langword="null"/> when a newer owner exists and nothing was committed.</returns>
    public async Task<int?> RunAsync(DateTimeOffset now, bool collectDue, CancellationToken cancellationToken)
    {
        var fenced = store as IFencedCommits
            ?? throw new InvalidOperationException($"The store {store.GetType().Name} does not implement IFencedCommits, which a tenant's alert grain needs to refuse a stale owner.");
        var stored = store as IAlertStateStore
            ?? throw new InvalidOperationException($"The store {store.GetType().Name} does not implement IAlertStateStore, which a tenant's alert grain needs for its windows.");
        var first = _epoch == 0;
        if (first)
        {
            _epoch = await fenced.AcquireEpochAsync(SourceName, cancellationToken).ConfigureAwait(false);
        }

        var rows = await stored.GetAlertStateAsync(cancellationToken).ConfigureAwait(false);
        if (first)
        {
            router.Restore(rows);
        }

        // Windows and series only move forward: a caller with an earlier clock routes at the latest moment seen.
        _latest = now > _latest ? now : _latest;
        var state = new AlertStateWriter();
        var alerts = new List<Alert>();
        foreach (var pending in PendingMentions.Read(rows))
        {
            // Each commit's mentions and retractions as one process routes a batch, with the roles read before it.
            alerts.AddRange(router.Route(pending.Mentions, pending.Retractions, _latest, state, pending.RoleOf));
            foreach (var scope in pending.Scopes)
            {
                state.Clear(scope);
            }
        }

        if (collectDue)
        {
            alerts.AddRange(router.CollectDue(_latest, state));
        }

        if (alerts.Count == 0 && state.IsEmpty)
        {
            return 0;
        }

        var commit = new BatchCommit { SourceName = SourceName, Alerts = alerts, AlertState = state.ToChanges() };
        return await fenced.CommitFencedAsync(commit, _epoch, cancellationToken).ConfigureAwait(false) ? alerts.Count : null;
    }

    /// <inheritdoc/>
    public void Dispose() => router.Dispose();
}
