using Monitro.Alerting;
using Monitro.Alerting.Outbox;
using Monitro.Diagnostics;
using Monitro.Pipeline;

namespace Monitro.Alerting;

/// <summary>
/// Raises the alerts that the passing of time brings, with no post arriving, and commits them on their own: every
/// interval it collects what is due (digest windows that closed and spikes; or overdue answers and dormant
/// relationships) and commits it through the <see cref="AlertCommitter"/>, where delivery picks it up like any alert.
/// </summary>
internal sealed class AlertScheduler
{
    /// <summary>The source name of the commits that hold only digest and spike alerts.</summary>
    public const string DigestSourceName = "monitro.alerting";

    /// <summary>The source name of the commits that hold only relationship alerts raised by the passing of time.</summary>
    public const string RelationshipSourceName = "monitro.relationships";

    private readonly bool _enabled;
    private readonly string _sourceName;
    private readonly Func<TimeSpan> _interval;
    private readonly Func<DateTimeOffset, IEnumerable<Alert>> _collectDue;
    private readonly SemaphoreSlim? _gate;
    private readonly AlertCommitter _committer;
    private readonly PipelineServices _services;

    // What was collected but not committed yet (a failed commit): committed with the next check.
    private readonly List<Alert> _pending = [];

    private AlertScheduler(
        bool enabled, string sourceName, Func<TimeSpan> interval, Func<DateTimeOffset, IEnumerable<Alert>> collectDue, SemaphoreSlim? gate, AlertCommitter committer, PipelineServices services)
    {
        _enabled = enabled;
        _sourceName = sourceName;
        _interval = interval;
        _collectDue = collectDue;
        _gate = gate;
        _committer = committer;
        _services = services;
    }

    /// <summary>Gets the alerts collected and not yet committed.</summary>
    internal int PendingCount => _pending.Count;

    /// <summary>Closes digest windows and checks spikes every <see cref="AlertRouter.CheckInterval"/>; does nothing without alert rules.</summary>
    public static AlertScheduler ForDigests(PipelineServices services, AlertCommitter committer)
    {
        var router = services.Alerting;
        var enabled = !ReferenceEquals(router, AlertRouter.PassThrough); // without rules there are no digests nor spikes
        return new(enabled, DigestSourceName, () => router.CheckInterval, router.CollectDue, gate: null, committer, services);
    }

    /// <summary>Advances the relationship scorer every <see cref="IRelationshipScorer.AdvanceInterval"/> and routes its transitions like any alert.</summary>
    /// <param name="services">What the run works with.</param>
    /// <param name="committer">Commits the alerts.</param>
    /// <param name="relationshipGate">Held from advancing to the commit, so that a batch's transitions are not taken into this commit while the batch is between recording and committing.</param>
    public static AlertScheduler ForRelationships(PipelineServices services, AlertCommitter committer, SemaphoreSlim relationshipGate)
    {
        var scorer = services.Scorer;
        var router = services.Alerting;
        return new(
            enabled: true,
            RelationshipSourceName,
            () => scorer.AdvanceInterval,
            now => router.Route(scorer.Advance(now).Select(transition => Alert.ForTransition(transition, now)), now),
            relationshipGate,
            committer,
            services);
    }

    /// <summary>Runs until cancelled; a failed check is logged and its alerts are tried again at the next one.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_interval(), _services.TimeProvider, cancellationToken).ConfigureAwait(false);
                await CheckAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                _services.Logger.TimedAlertsFailed(exception, _sourceName);
            }
        }
    }

    /// <summary>One check: collect what is due and commit it with what a failed commit left.</summary>
    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (_gate is not null)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            _pending.AddRange(_collectDue(_services.TimeProvider.GetUtcNow()));
            await _committer.CommitAlertsAsync(_sourceName, _pending, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate?.Release();
        }
    }
}
