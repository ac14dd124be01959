using Microsoft.Extensions.Logging;
using Monitro.Alerting.Delivery;
using Monitro.Diagnostics;

namespace Monitro.Pipeline;

/// <summary>What one pipeline run works with, resolved once.</summary>
internal sealed record PipelineServices(
    IReadOnlyList<IListeningSource> Sources,
    IMentionMatcher Matcher,
    IMonitroStore Store,
    IAlertOutbox Outbox,
    IReadOnlyList<IAlertSink> Sinks,
    IRelationshipScorer Scorer,
    ISentimentAnalyzer? SentimentAnalyzer,
    IIntentDetector? IntentDetector,
    MonitroOptions Options,
    TimeProvider TimeProvider,
    MonitroMetrics Metrics,
    ILogger Logger)
{
    /// <summary>Gets the alert rules' router; without rules every mention is one immediate alert.</summary>
    public Alerting.AlertRouter Alerting { get; init; } = Monitro.Alerting.AlertRouter.PassThrough;

    /// <summary>Gets the circuit of each sink, in the order of <see cref="Sinks"/>, kept by the monitor across runs; <see langword="null"/> for a dispatcher with circuits of its own.</summary>
    public IReadOnlyList<SinkCircuit>? Circuits { get; init; }

    /// <summary>Gets what rebuilds the relationships from the stored interactions at start, or <see langword="null"/> when the store keeps no history.</summary>
    public RelationshipRestorer? Restorer { get; init; }

    /// <summary>Gets what brings back digest windows, spike series and identity links at start, or <see langword="null"/> when the store keeps none.</summary>
    public Alerting.State.AlertStateRestorer? StateRestorer { get; init; }

    /// <summary>Gets where the run reports its sources' activity and its batch queue, for health checks and gauges.</summary>
    public PipelineActivity Activity { get; init; } = new();

    /// <summary>Gets the response-time targets that set the due time of inbox items.</summary>
    public RelationshipOptions ResponseTargets { get; init; } = new();
}
