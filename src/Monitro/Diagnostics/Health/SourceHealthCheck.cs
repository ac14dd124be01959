using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Monitro.Diagnostics.Health;

/// <summary>
/// One source as the pipeline sees it: unhealthy after <see cref="MonitroHealthCheckOptions.SourceFailureThreshold"/>
/// failures in a row, degraded while it backs off from fewer or when it has delivered no batch for longer than
/// <see cref="MonitroHealthCheckOptions.SourceSilenceThreshold"/>, healthy otherwise (and once it reached its end).
/// </summary>
internal sealed class SourceHealthCheck(string sourceName, PipelineActivity activity, IOptionsMonitor<MonitroHealthCheckOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (activity.Find(sourceName)?.Snapshot() is not { } source)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Source '{sourceName}' has not been started by the pipeline."));
        }

        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var quietFor = source.QuietFor(now);
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["consecutiveFailures"] = source.ConsecutiveFailures,
            ["quietForSeconds"] = Math.Round(quietFor.TotalSeconds),
        };
        if (source.NewestPostAt is { } newest)
        {
            data["newestPostAt"] = newest;
        }

        if (source.RetryAt is { } retryAt)
        {
            data["retryAt"] = retryAt;
        }

        var failures = source.ConsecutiveFailures;
        if (failures > 0)
        {
            var description = string.Create(
                CultureInfo.InvariantCulture,
                $"Source '{sourceName}' failed {failures} time(s) in a row ({source.LastError}); next attempt at {source.RetryAt:O}.");
            return Task.FromResult(failures >= settings.SourceFailureThreshold
                ? new HealthCheckResult(context.Registration.FailureStatus, description, data: data)
                : HealthCheckResult.Degraded(description, data: data));
        }

        if (source.Ended)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Source '{sourceName}' reached its end.", data));
        }

        if (quietFor > settings.SourceSilenceThreshold)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"Source '{sourceName}' is silent: no batch for {quietFor:c} (threshold {settings.SourceSilenceThreshold:c})."),
                data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"Source '{sourceName}' is reading.", data));
    }
}
