namespace Monitro.Benchmarks.Pipeline;

/// <summary>An alert sink that accepts every alert and does nothing with it.</summary>
internal sealed class DiscardingSink : IAlertSink
{
    public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
