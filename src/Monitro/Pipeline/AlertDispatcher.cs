using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Monitro.Diagnostics;
using Monitro.Resilience;

namespace Monitro.Pipeline;

/// <summary>
/// Delivers the alerts waiting in the outbox to every sink: claims due entries for a lease, delivers them,
/// and marks each delivered, failed with a backoff, or dead after its last attempt.
/// </summary>
internal sealed class AlertDispatcher
{
    private const int ClaimBatchSize = 64;
    private static readonly TimeSpan IdlePollInterval = TimeSpan.FromSeconds(1);

    // Sink retries have no option for a cap: attempts are few (SinkMaxAttempts), so a day only guards against overflow.
    private static readonly TimeSpan MaxSinkRetryDelay = TimeSpan.FromDays(1);
    private readonly PipelineServices _services;
    private readonly InFlightAlerts _inFlight;
    private readonly Channel<bool> _wakeUp = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public AlertDispatcher(PipelineServices services, InFlightAlerts inFlight)
    {
        _services = services;
        _inFlight = inFlight;
    }

    /// <summary>Tells the dispatcher that new alerts were committed.</summary>
    public void WakeUp() => _wakeUp.Writer.TryWrite(true);

    /// <summary>Delivers until cancelled, or, once <paramref name="finishWhenIdle"/> is set, until this run's alerts are all settled.</summary>
    public async Task RunAsync(Func<bool> finishWhenIdle, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entries = await _services.Outbox.ClaimDueAsync(ClaimBatchSize, _services.Options.DeliveryLeaseDuration, cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                await DeliverAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            if (entries.Count > 0)
            {
                continue;
            }

            if (finishWhenIdle() && _inFlight.Count == 0)
            {
                return;
            }

            await WaitForWorkAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var alert = entry.Alert;
        Exception? failure = null;
        string? failedSink = null;
        using (var activity = MonitroActivities.Source.StartActivity("monitro.deliver"))
        {
            activity?.SetTag("monitro.alert.kind", alert.Kind);
            foreach (var sink in _services.Sinks)
            {
                var sinkName = sink.GetType().Name;
                try
                {
                    await sink.DeliverAsync(alert, cancellationToken).ConfigureAwait(false);
                    _services.Metrics.AlertDelivered(sinkName);
                    _services.Logger.AlertDelivered(alert.IdempotencyKey, sinkName);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    _services.Metrics.AlertDeliveryFailed(sinkName);
                    failure ??= exception;
                    failedSink ??= sinkName;
                }
            }
        }

        if (failure is null)
        {
            await _services.Outbox.MarkDeliveredAsync(alert.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            _inFlight.Settle(alert.IdempotencyKey);
            return;
        }

        var attempt = entry.Attempts + 1;
        var reason = $"{failedSink}: {failure.GetType().Name}: {failure.Message}";
        if (attempt >= _services.Options.SinkMaxAttempts)
        {
            _services.Logger.AlertDeadLettered(alert.IdempotencyKey, attempt, reason);
            _services.Metrics.AlertDeadLettered();
            await _services.Outbox.MoveToDeadLetterAsync(alert.IdempotencyKey, reason, cancellationToken).ConfigureAwait(false);
            _inFlight.Settle(alert.IdempotencyKey);
            return;
        }

        var nextAttemptAt = _services.TimeProvider.GetUtcNow() + Backoff.Delay(attempt, _services.Options.SinkRetryInitialDelay, MaxSinkRetryDelay);
        _services.Logger.AlertDeliveryFailed(failure, alert.IdempotencyKey, failedSink!, attempt, nextAttemptAt);
        await _services.Outbox.MarkFailedAsync(alert.IdempotencyKey, reason, nextAttemptAt, cancellationToken).ConfigureAwait(false);
    }

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
