using Microsoft.Extensions.Hosting;

namespace Monitro.Diagnostics;

/// <summary>Reads the outbox figures on a fixed period while the host runs, for the outbox gauges.</summary>
internal sealed class OutboxStatisticsSampler(OutboxStatisticsCache cache, TimeProvider time) : BackgroundService
{
    /// <summary>How often the figures are read: often enough for a dashboard, one cheap query per period.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cache.Statistics is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                await cache.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The cache now reports no figure; the store's health check names the failure.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
