using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitro.Sources;

namespace Monitro.Samples.Worker;

/// <summary>Logs every few minutes which sources are failing or silent.</summary>
/// <remarks>The health monitor exists only once a source is registered; with none there is nothing to report.</remarks>
internal sealed partial class SourceHealthReporter(IServiceProvider services, TimeProvider time, ILogger<SourceHealthReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<ISourceHealthMonitor>() is not { } health)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var status in health.GetAll().Where(s => !s.IsHealthy))
            {
                Unhealthy(logger, status.SourceName, status.IsFailing, status.IsSilent, status.ConsecutiveFailures, status.LastError);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceName} needs attention: failing={IsFailing}, silent={IsSilent}, failures in a row={Failures}, last error: {LastError}")]
    private static partial void Unhealthy(ILogger logger, string sourceName, bool isFailing, bool isSilent, int failures, string? lastError);
}
