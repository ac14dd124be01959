using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace Monitro.Sources.Shared;

/// <summary>
/// Lowers the events of the sources' resilience handlers (each retry, timeout and final failure, logged by Polly with
/// the exception's stack trace, at up to Error) to Debug: the source logs every failed poll itself, as one Warning
/// line with the reason and the next attempt time. Pipelines that are not the sources' keep their severities.
/// </summary>
internal sealed class QuietResilienceTelemetry : IConfigureOptions<TelemetryOptions>
{
    public void Configure(TelemetryOptions options)
    {
        var inner = options.SeverityProvider;
        options.SeverityProvider = arguments =>
        {
            var severity = inner?.Invoke(arguments) ?? arguments.Event.Severity;
            return IsSourcePipeline(arguments.Source.PipelineName) && severity > ResilienceEventSeverity.Debug ? ResilienceEventSeverity.Debug : severity;
        };
    }

    private static bool IsSourcePipeline(string? pipelineName) =>
        pipelineName is not null && pipelineName.StartsWith(SourceRegistration.HttpClientPrefix, StringComparison.Ordinal);
}
