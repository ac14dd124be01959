using System.Collections.Concurrent;

namespace Monitro.Orleans.Tests;

/// <summary>Records every alert delivered to it, and its idempotency key.</summary>
internal sealed class RecordingSink : IAlertSink
{
    public ConcurrentQueue<string> Keys { get; } = new();

    public ConcurrentQueue<Alert> Alerts { get; } = new();

    public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        Keys.Enqueue(alert.IdempotencyKey);
        Alerts.Enqueue(alert);
        return ValueTask.CompletedTask;
    }
}
