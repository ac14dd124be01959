using System.Collections.Concurrent;

namespace Monitro.Orleans.Tests;

/// <summary>Records every alert delivered to it.</summary>
internal sealed class RecordingSink : IAlertSink
{
    public ConcurrentQueue<Alert> Alerts { get; } = new();

    public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        Alerts.Enqueue(alert);
        return ValueTask.CompletedTask;
    }
}
