using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitro.Orleans.People;

/// <summary>
/// Calls the relationship clock from every silo each <see cref="RelationshipOptions.AdvanceInterval"/>: calls from
/// several silos reach the same activation, which comes back elsewhere when its silo dies.
/// </summary>
internal sealed class RelationshipClock(
    IGrainFactory grains,
    IOptions<MonitroOrleansOptions> options,
    TimeProvider timeProvider,
    ILogger<RelationshipClock> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Relationships.AdvanceInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                _ = await grains.GetGrain<IRelationshipClockGrain>(0).WakeDueAsync(timeProvider.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The silo is still joining, or the clock's silo is being declared dead: the next period tries again.
                logger.ClockFailed(exception);
            }
        }
    }
}
