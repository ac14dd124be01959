using System.Diagnostics.Metrics;

namespace Monitro.Diagnostics;

/// <summary>The observable gauges on the <c>Monitro</c> meter: backlog and lag, read when a listener collects.</summary>
internal sealed class MonitroGauges
{
    public MonitroGauges(IMeterFactory meterFactory, TimeProvider time, PipelineActivity activity, OutboxStatisticsCache outbox)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Activity = activity;
        var meter = meterFactory.Create(MonitroDiagnostics.MeterName);
        meter.CreateObservableGauge(
            "monitro.outbox.depth",
            () => outbox.Latest is { } latest ? [new Measurement<long>(latest.Waiting)] : Array.Empty<Measurement<long>>(),
            "{alert}",
            "Alerts waiting in the outbox for delivery, as last read from the store.");
        meter.CreateObservableGauge(
            "monitro.outbox.dead_alerts",
            () => outbox.Latest is { } latest ? [new Measurement<long>(latest.DeadAlerts)] : Array.Empty<Measurement<long>>(),
            "{alert}",
            "Alerts that delivery gave up, kept as dead letters, as last read from the store.");
        meter.CreateObservableGauge(
            "monitro.batch_queue.depth",
            () => activity.BatchQueueCount,
            "{batch}",
            "Source batches waiting for processing.");
        meter.CreateObservableGauge(
            "monitro.batch_queue.fill",
            () => activity.BatchQueueCapacity == 0 ? 0d : (double)activity.BatchQueueCount / activity.BatchQueueCapacity,
            "1",
            "How full the batch queue is, from 0 (empty) to 1 (sources wait for processing).");
        meter.CreateObservableGauge(
            "monitro.source.lag",
            () => SourceLags(activity, time.GetUtcNow()),
            "s",
            "Time between now and the creation of the newest post a source delivered.");
    }

    /// <summary>Gets the activity the gauges read, which the pipeline writes.</summary>
    public PipelineActivity Activity { get; }

    private static IEnumerable<Measurement<double>> SourceLags(PipelineActivity activity, DateTimeOffset now)
    {
        foreach (var source in activity.Sources)
        {
            if (source.Snapshot().NewestPostAt is { } newest)
            {
                yield return new Measurement<double>(
                    Math.Max(0, (now - newest).TotalSeconds),
                    new KeyValuePair<string, object?>(MonitroDiagnostics.SourceTag, source.SourceName));
            }
        }
    }
}
