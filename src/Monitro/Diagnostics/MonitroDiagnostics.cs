namespace Monitro;

/// <summary>The names under which Monitro publishes its metrics and traces.</summary>
/// <remarks>
/// Monitro depends on no telemetry SDK: subscribe with your own, for example
/// <c>.WithMetrics(m =&gt; m.AddMeter(MonitroDiagnostics.MeterName))</c> and
/// <c>.WithTracing(t =&gt; t.AddSource(MonitroDiagnostics.ActivitySourceName))</c> with OpenTelemetry.
/// </remarks>
public static class MonitroDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Monitro</c>.</summary>
    public const string MeterName = "Monitro";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>Monitro</c>.</summary>
    public const string ActivitySourceName = "Monitro";

    /// <summary>The tag that names the source instance on metrics and activities.</summary>
    public const string SourceTag = "monitro.source";

    /// <summary>The tag that names the watch category on metrics.</summary>
    public const string CategoryTag = "monitro.watch.category";

    /// <summary>The tag that names the sink on metrics.</summary>
    public const string SinkTag = "monitro.sink";

    /// <summary>The tag that names the platform of a reply (for example <c>bluesky</c>) on metrics and activities.</summary>
    public const string ReplyPlatformTag = "monitro.reply.platform";
}
