using Microsoft.Extensions.Logging;
using Monitro.Diagnostics;
using Monitro.Pipeline;

namespace Monitro.Alerting.Outbox;

/// <summary>
/// The one way the pipeline commits alerts, whether they ride with a source batch or go alone (digests, spikes,
/// relationship alerts raised by the passing of time): counted in flight before the commit, forgotten again when
/// the commit fails, counted and logged once durable, and then handed to delivery.
/// </summary>
/// <remarks>
/// <para>Counting every committed alert in flight is what lets delivery finish this run's alerts (within the shutdown
/// grace period) before the pipeline stops, and what slows processing down while too many wait for a slow sink.</para>
/// <para>Another process sharing the store's outbox may deliver this run's alerts, and only this run's dispatcher
/// settles them here: so while the count is full, the committer asks the outbox every second which of them still
/// wait there and stops counting the others. The outbox, not this process, decides what is in flight.</para>
/// </remarks>
internal sealed class AlertCommitter
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);
    private readonly IMonitroStore _store;
    private readonly IAlertOutbox _outbox;
    private readonly InFlightAlerts _inFlight;
    private readonly Action _alertsCommitted;
    private readonly MonitroMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CommitThread? _storeThread;

    /// <param name="services">What the run works with.</param>
    /// <param name="inFlight">The alerts committed and not yet settled.</param>
    /// <param name="alertsCommitted">Wakes delivery up after a commit with alerts.</param>
    /// <param name="storeThread">Where the store's commits run, or <see langword="null"/> to run them on the caller's thread.</param>
    public AlertCommitter(PipelineServices services, InFlightAlerts inFlight, Action alertsCommitted, CommitThread? storeThread = null)
    {
        _store = services.Store;
        _outbox = services.Outbox;
        _metrics = services.Metrics;
        _logger = services.Logger;
        _time = services.TimeProvider;
        _inFlight = inFlight;
        _alertsCommitted = alertsCommitted;
        _storeThread = storeThread;
    }

    /// <summary>Commits a batch with its alerts, waiting first while too many alerts of this run are undelivered.</summary>
    public async Task CommitAsync(BatchCommit commit, CancellationToken cancellationToken)
    {
        var alerts = commit.Alerts;
        await WaitForRoomAsync(alerts.Count, cancellationToken).ConfigureAwait(false);

        // Counted before the commit: the dispatcher may claim the alerts the moment they are committed.
        var keys = new string[alerts.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = alerts[i].IdempotencyKey;
        }

        _inFlight.Add(keys);
        try
        {
            if (_storeThread is null)
            {
                await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Started there only now, after any wait for delivery room, which continues on the thread pool.
                await _storeThread.Start(() => _store.CommitAsync(commit, cancellationToken).AsTask()).ConfigureAwait(false);
            }
        }
        catch
        {
            _inFlight.Forget(keys);
            throw;
        }

        // Only now is the work durable: let delivery start.
        _inFlight.Committed(keys);
        if (alerts.Count > 0)
        {
            await _inFlight.ForgetNotWaitingAsync(_outbox, keys, cancellationToken).ConfigureAwait(false);
            _metrics.AlertsCommitted(commit.SourceName, alerts.Count);
            _logger.AlertsCommitted(alerts.Count, commit.SourceName);
            _alertsCommitted();
        }
    }

    private async Task WaitForRoomAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var recheck = new CancellationTokenSource(RecheckInterval, _time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, recheck.Token);
            try
            {
                await _inFlight.WaitForRoomAsync(count, wait.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A committed key the outbox no longer holds was delivered or given up, here or by another process.
                await _inFlight.ForgetNotWaitingAsync(_outbox, _inFlight.CommittedSnapshot(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Commits alerts raised outside any source batch in a batch of their own (no posts, no checkpoint), under one
    /// of the pipeline's own source names. <paramref name="pending"/> is emptied once committed; when the commit
    /// fails it keeps the alerts, for the caller to try again.
    /// </summary>
    public async Task CommitAlertsAsync(string sourceName, List<Alert> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        await CommitAsync(new BatchCommit { SourceName = sourceName, Alerts = [.. pending] }, cancellationToken).ConfigureAwait(false);
        pending.Clear();
    }
}
