using System.Threading.Channels;
using Monitro.Alerting.Outbox;
using Monitro.Alerting.State;
using Monitro.Diagnostics;
using Monitro.Pipeline;

namespace Monitro.Alerting;

/// <summary>
/// Raises the alerts that the passing of time brings, with no post arriving, and commits them on their own: every
/// interval it collects what is due (digest windows that closed and spikes; or overdue answers and dormant
/// relationships) and commits it through the <see cref="AlertCommitter"/>, where delivery picks it up like any alert.
/// </summary>
/// <remarks>
/// Digest and spike checks run on the scheduler's own task (the router guards its windows). Relationship checks
/// are handed to the processing task and run there between two batches: that task is the one owner of the
/// scorer's timing, so no lock is held across a store commit and a batch's transitions always ride with it.
/// </remarks>
internal sealed class AlertScheduler
{
    /// <summary>The source name of the commits that hold only digest and spike alerts.</summary>
    public const string DigestSourceName = "monitro.alerting";

    /// <summary>The source name of the commits that hold only relationship alerts raised by the passing of time.</summary>
    public const string RelationshipSourceName = "monitro.relationships";

    private readonly bool _enabled;
    private readonly Func<TimeSpan> _interval;
    private readonly Func<DateTimeOffset, AlertStateWriter, IEnumerable<Alert>> _collectDue;
    private readonly Func<DateTimeOffset, CancellationToken, ValueTask>? _prepare;
    private readonly ChannelWriter<SourceWork>? _processing;
    private readonly AlertCommitter _committer;
    private readonly PipelineServices _services;

    // What was collected but not committed yet (a failed commit): committed with the next check.
    private readonly List<Alert> _pending = [];
    private AlertStateWriter _pendingState = new();

    private AlertScheduler(
        bool enabled,
        string sourceName,
        Func<TimeSpan> interval,
        Func<DateTimeOffset, AlertStateWriter, IEnumerable<Alert>> collectDue,
        ChannelWriter<SourceWork>? processing,
        AlertCommitter committer,
        PipelineServices services,
        Func<DateTimeOffset, CancellationToken, ValueTask>? prepare = null)
    {
        _prepare = prepare;
        _enabled = enabled;
        SourceName = sourceName;
        _interval = interval;
        _collectDue = collectDue;
        _processing = processing;
        _committer = committer;
        _services = services;
    }

    /// <summary>Gets the source name of this scheduler's commits.</summary>
    public string SourceName { get; }

    /// <summary>Gets the alerts collected and not yet committed.</summary>
    internal int PendingCount => _pending.Count;

    /// <summary>Closes digest windows and checks spikes every <see cref="AlertRouter.CheckInterval"/>; does nothing without alert rules.</summary>
    public static AlertScheduler ForDigests(PipelineServices services, AlertCommitter committer)
    {
        var router = services.Alerting;
        var enabled = !ReferenceEquals(router, AlertRouter.PassThrough); // without rules there are no digests nor spikes
        return new(enabled, DigestSourceName, () => router.CheckInterval, router.CollectDue, processing: null, committer, services);
    }

    /// <summary>Advances the relationship scorer every <see cref="IRelationshipScorer.AdvanceInterval"/> and routes its transitions like any alert.</summary>
    /// <param name="services">What the run works with.</param>
    /// <param name="committer">Commits the alerts.</param>
    /// <param name="processing">Where the checks are handed to the processing task, which runs them between batches.</param>
    public static AlertScheduler ForRelationships(PipelineServices services, AlertCommitter committer, ChannelWriter<SourceWork> processing)
    {
        var scorer = services.Scorer;
        var router = services.Alerting;
        var registry = scorer as Relationships.RelationshipRegistry;
        return new(
            enabled: true,
            RelationshipSourceName,
            () => scorer.AdvanceInterval,
            (now, state) =>
            {
                var alerts = router.RouteTransitions(scorer, now);
                registry?.TakeUnsaved(state); // the snapshots of the people it evaluated
                return alerts;
            },
            processing,
            committer,
            services,
            // People restored from their snapshot alone whose wake-up is due are read first, so they are evaluated whole.
            registry is null ? null : (now, cancellationToken) => registry.LoadAsync([], now, cancellationToken));
    }

    /// <summary>Runs until cancelled, or until processing takes no more work; a failed check is logged and its alerts are tried again at the next one.</summary>
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
                if (_processing is null)
                {
                    await CheckOrLogAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _processing.WriteAsync(SourceWork.CheckOf(this), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ChannelClosedException)
            {
                // Every source ended (or the run failed): processing finishes what it has and stops.
                return;
            }
        }
    }

    /// <summary>One check whose failure is logged; what it collected is committed with the next check.</summary>
    public async Task CheckOrLogAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _services.Logger.TimedAlertsFailed(exception, SourceName);
        }
    }

    /// <summary>One check: collect what is due and commit it with what a failed commit left.</summary>
    /// <remarks>The state changes (a digest window sent, a spike's cool-down) share the alerts' transaction, so a restart neither loses nor repeats them.</remarks>
    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        var state = new AlertStateWriter();
        var now = _services.TimeProvider.GetUtcNow();
        if (_prepare is not null)
        {
            await _prepare(now, cancellationToken).ConfigureAwait(false);
        }

        _pending.AddRange(_collectDue(now, state));
        _pendingState.Add(state);
        if (_pending.Count == 0 && _pendingState.IsEmpty)
        {
            return;
        }

        await _committer.CommitAsync(new BatchCommit { SourceName = SourceName, Alerts = [.. _pending], AlertState = _pendingState.ToChanges() }, cancellationToken)
            .ConfigureAwait(false);
        _pending.Clear();
        _pendingState = new AlertStateWriter();
    }
}
