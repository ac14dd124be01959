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
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private DateTimeOffset? _due;

    /// <summary>Gets the epoch of this owner, 0 before its first call.</summary>
    public long Epoch => _epoch;

    /// <summary>
    /// Gets the moment of the next check the last run stored, when it is earlier than the one stored before (or none
    /// was): the cluster's clock must hear of it. <see langword="null"/> when the clock already knows an earlier one.
    /// </summary>
    public DateTimeOffset? DueEarlier { get; private set; }

    /// <summary>Routes the pending mentions, and with <paramref name="collectDue"/> closes the digest windows and checks the spikes; commits what that raised.</summary>
    /// <returns>The number of alerts committed, or <see langword="null"/> when a newer owner exists and nothing was committed.</returns>
    /// <remarks>
    /// The first run restores the windows and series from the tenant's rows, read whole; later runs keep them in memory
    /// and read only the pending mentions, by the due index (<see cref="PendingMentions.ReadAsync"/>), so a routing costs
    /// the mentions waiting, not the tenant's open windows.
    /// </remarks>
    public async Task<int?> RunAsync(DateTimeOffset now, bool collectDue, CancellationToken cancellationToken)
    {
        var fenced = store as IFencedCommits
            ?? throw new InvalidOperationException($"The store {store.GetType().Name} does not implement IFencedCommits, which a tenant's alert grain needs to refuse a stale owner.");
        var due = store as IDueAlertStateStore
            ?? throw new InvalidOperationException($"The store {store.GetType().Name} does not implement IDueAlertStateStore, which a tenant's alert grain needs to read the mentions waiting.");
        IReadOnlyList<AlertStateRow> rows;
        if (_epoch == 0)
        {
            var stored = store as IAlertStateStore
                ?? throw new InvalidOperationException($"The store {store.GetType().Name} does not implement IAlertStateStore, which a tenant's alert grain needs for its windows.");
            _epoch = await fenced.AcquireEpochAsync(SourceName, cancellationToken).ConfigureAwait(false);
            rows = await stored.GetAlertStateAsync(cancellationToken).ConfigureAwait(false);
            router.Restore(rows);
            _due = AlertCheckDue.Read(rows);
        }
        else
        {
            rows = await PendingMentions.ReadAsync(due, cancellationToken).ConfigureAwait(false);
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
            _checkedAt = _latest;
        }

        var next = router.NextCheckAt(_checkedAt);
        if (next != _due)
        {
            AlertCheckDue.Write(state, next);
        }

        DueEarlier = null;
        if (alerts.Count == 0 && state.IsEmpty)
        {
            return 0;
        }

        var commit = new BatchCommit { SourceName = SourceName, Alerts = alerts, AlertState = state.ToChanges() };
        if (!await fenced.CommitFencedAsync(commit, _epoch, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        DueEarlier = next is { } moment && (_due is not { } before || moment < before) ? moment : null;
        _due = next;
        return alerts.Count;
    }

    /// <inheritdoc/>
    public void Dispose() => router.Dispose();
}
