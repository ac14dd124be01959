using System.Collections.Concurrent;

namespace Monitro.Orleans.Tests;

/// <summary>Records the idempotency key of every alert delivered to it.</summary>
internal sealed class RecordingSink : IAlertSink
{
    public ConcurrentQueue<string> Keys { get; } = new();

    public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        Keys.Enqueue(alert.IdempotencyKey);
        return ValueTask.CompletedTask;
    }
}
