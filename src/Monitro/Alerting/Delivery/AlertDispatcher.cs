using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Monitro.Alerting.Outbox;
using Monitro.Diagnostics;
using Monitro.Pipeline;

namespace Monitro.Alerting.Delivery;

/// <summary>
/// Delivers the alerts waiting in the outbox to every sink: claims due entries for a lease, delivers them,
/// and marks them delivered (a claimed batch at once), failed with a backoff (<see cref="DeliveryRetryPolicy"/>), or dead once its retry
/// window is spent. Each sink has a circuit (<see cref="SinkCircuit"/>), so a dead one is skipped, not waited for.
/// </summary>
internal sealed class AlertDispatcher
{
    private const int ClaimBatchSize = 64;
    private static readonly TimeSpan IdlePollInterval = TimeSpan.FromSeconds(1);

    private readonly PipelineServices _services;
    private readonly InFlightAlerts _inFlight;
    private readonly DeliveryRetryPolicy _retryPolicy;
    private readonly IReadOnlyList<SinkCircuit> _circuits;
    private readonly IAlertOutboxBatchSettlement? _batchSettlement;
    private readonly List<string> _delivered = new(ClaimBatchSize);
    private readonly Channel<bool> _wakeUp = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public AlertDispatcher(PipelineServices services, InFlightAlerts inFlight)
    {
        _services = services;
        _inFlight = inFlight;
        _retryPolicy = new DeliveryRetryPolicy(services.Options);
        _circuits = services.Circuits ?? SinkCircuit.ForEach(services.Sinks, services.Options);
        _batchSettlement = services.Outbox as IAlertOutboxBatchSettlement;
    }

    /// <summary>Tells the dispatcher that new alerts were committed.</summary>
    public void WakeUp() => _wakeUp.Writer.TryWrite(true);

    /// <summary>Delivers until cancelled, or, once <paramref name="finishWhenIdle"/> is set, until this run's alerts are all settled.</summary>
    public async Task RunAsync(Func<bool> finishWhenIdle, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lease = _services.Options.DeliveryLeaseDuration;
            var claimedAt = _services.TimeProvider.GetTimestamp();
            var entries = await _services.Outbox.ClaimDueAsync(ClaimBatchSize, lease, cancellationToken).ConfigureAwait(false);
            for (var e = 0; e < entries.Count; e++)
            {
                var entry = entries[e];
                if (_delivered.Count > 0 && _services.TimeProvider.GetElapsedTime(claimedAt) > lease / 2)
                {
                    // Slow sinks: settle what is delivered before the lease runs out and another dispatcher claims it again.
                    await SettleDeliveredAsync(cancellationToken).ConfigureAwait(false);
                }

                await DeliverAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            await SettleDeliveredAsync(cancellationToken).ConfigureAwait(false);

            if (entries.Count > 0)
            {
                continue;
            }

            if (finishWhenIdle())
            {
                // Another process sharing the outbox may have delivered this run's last alerts: nothing here
                // would ever settle them, so the run would never end.
                if (_inFlight.Count > 0)
                {
                    await _inFlight.ForgetNotWaitingAsync(_services.Outbox, _inFlight.CommittedSnapshot(), cancellationToken).ConfigureAwait(false);
                }

                if (_inFlight.Count == 0)
                {
                    return;
                }
            }

            await WaitForWorkAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var alert = entry.Alert;
        Exception? failure = null;
        string? failedSink = null;
        TimeSpan? retryAfter = null;
        using (var activity = MonitroActivities.Source.StartActivity("monitro.deliver"))
        {
            activity?.SetTag("monitro.alert.kind", alert.Kind);
            for (var i = 0; i < _services.Sinks.Count; i++)
            {
                var sink = _services.Sinks[i];
                if (!sink.Accepts(alert))
                {
                    continue;
                }

                var circuit = _circuits[i];
                var sinkName = circuit.SinkName;
                if (IsOpen(circuit, out var openFor))
                {
                    // The sink is out until its break ends: not called, and the alert waits at least that long.
                    _services.Metrics.AlertDeliveryFailed(sinkName);
                    failure ??= new AlertDeliveryException(
                        $"Not called: its circuit is open after {circuit.FailureThreshold} failures in a row (the latest: {circuit.LastError}).");
                    failedSink ??= sinkName;
                    retryAfter = Longest(retryAfter, openFor);
                    continue;
                }

                try
                {
                    await sink.DeliverAsync(alert, cancellationToken).ConfigureAwait(false);
                    circuit.Succeeded();
                    _services.Metrics.AlertDelivered(sinkName);
                    _services.Logger.AlertDelivered(alert.IdempotencyKey, sinkName);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    _services.Metrics.AlertDeliveryFailed(sinkName);
                    if (circuit.Failed(_services.TimeProvider.GetUtcNow(), exception))
                    {
                        _services.Logger.SinkCircuitOpened(sinkName, circuit.FailureThreshold, circuit.OpenUntil);
                    }

                    failure ??= exception;
                    failedSink ??= sinkName;
                    retryAfter = Longest(retryAfter, (exception as AlertDeliveryException)?.RetryAfter);
                }
            }
        }

        if (failure is null)
        {
            _delivered.Add(alert.IdempotencyKey);
            return;
        }

        var attempt = entry.Attempts + 1;
        var reason = $"{failedSink}: {failure.GetType().Name}: {failure.Message}";
        var nextAttemptAt = _retryPolicy.NextAttempt(attempt, _services.TimeProvider.GetUtcNow(), entry.EnqueuedAt ?? alert.RaisedAt, retryAfter);
        if (nextAttemptAt is not { } next)
        {
            _services.Logger.AlertDeadLettered(alert.IdempotencyKey, attempt, reason);
            _services.Metrics.AlertDeadLettered();
            await _services.Outbox.MoveToDeadLetterAsync(alert.IdempotencyKey, reason, cancellationToken).ConfigureAwait(false);
            _inFlight.Settle(alert.IdempotencyKey);
            return;
        }

        _services.Logger.AlertDeliveryFailed(failure, alert.IdempotencyKey, failedSink!, attempt, next);
        await _services.Outbox.MarkFailedAsync(alert.IdempotencyKey, reason, next, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the alerts delivered since the last call delivered, in one write where the outbox settles batches.</summary>
    private async Task SettleDeliveredAsync(CancellationToken cancellationToken)
    {
        if (_delivered.Count == 0)
        {
            return;
        }

        if (_batchSettlement is not null)
        {
            // One transaction for the batch: a store that waits for the disk per write waits once, not once per alert.
            await _batchSettlement.MarkAllDeliveredAsync(_delivered, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach (var key in _delivered)
            {
                await _services.Outbox.MarkDeliveredAsync(key, cancellationToken).ConfigureAwait(false);
            }
        }

        _inFlight.Forget(_delivered);
        _delivered.Clear();
    }

    // A sink that has not failed since it last took an alert is called without reading the clock.
    private bool IsOpen(SinkCircuit circuit, out TimeSpan openFor)
    {
        openFor = TimeSpan.Zero;
        if (circuit.IsClosed)
        {
            return false;
        }

        var now = _services.TimeProvider.GetUtcNow();
        openFor = circuit.OpenUntil - now;
        return !circuit.AllowsAttempt(now);
    }

    private static TimeSpan? Longest(TimeSpan? current, TimeSpan? candidate) =>
        candidate is { } wait && (current is null || wait > current) ? wait : current;

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        using var waitCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _wakeUp.Reader.WaitToReadAsync(waitCancellation.Token).AsTask();
        var idle = Task.Delay(IdlePollInterval, _services.TimeProvider, waitCancellation.Token);
        await Task.WhenAny(woken, idle).ConfigureAwait(false);
        await waitCancellation.CancelAsync().ConfigureAwait(false);
        _wakeUp.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
