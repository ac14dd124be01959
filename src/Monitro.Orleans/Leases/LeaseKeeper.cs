using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitro.Orleans.Leases;

/// <summary>
/// Keeps every source lease alive from every silo: each period it calls each lease, which activates it (on any silo)
/// if it is not active, for example because its silo died. Calls from several silos reach the same activation.
/// </summary>
internal sealed class LeaseKeeper(
    IGrainFactory grains,
    IEnumerable<IListeningSource> sources,
    IOptions<MonitroOrleansOptions> options,
    TimeProvider timeProvider,
    ILogger<LeaseKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var names = sources.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToArray();
        using var timer = new PeriodicTimer(options.Value.LeaseKeepAlivePeriod, timeProvider);
        do
        {
            foreach (var name in names)
            {
                try
                {
                    await grains.GetGrain<ISourceLeaseGrain>(name).EnsureRunningAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The silo is still joining, or the lease's silo is being declared dead: the next period tries again.
                    logger.KeepAliveFailed(exception, name);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
