using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Orleans.Alerting;

namespace Monitro.Orleans.Clock;

/// <summary>
/// Calls the cluster's clock from every silo each period: the shorter of <see cref="RelationshipOptions.AdvanceInterval"/>
/// and the tenants' <see cref="AlertingOptions.CheckInterval"/>. Calls from several silos reach the same activation, which
/// comes back elsewhere when its silo dies; the period is read on Monitro's clock (<see cref="ClusterClock"/>).
/// </summary>
internal sealed class ClusterClockKeeper(
    IGrainFactory grains,
    IOptions<MonitroOrleansOptions> options,
    TenantAlertRules rules,
    ClusterClock clock,
    ILogger<ClusterClockKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Read before each period, so rules given or changed at run time set the next period's length.
            await Task.Delay(Period(), clock.Time, stoppingToken).ConfigureAwait(false);
            try
            {
                _ = await grains.GetGrain<IClusterClockGrain>(0).WakeDueAsync(clock.Time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The silo is still joining, or the clock's silo is being declared dead: what is due stays in the stores for the next period.
                logger.ClockFailed(exception);
            }
        }
    }

    // Rows a tenant's alert grain left due after its rules were removed are found at the relationship period.
    private TimeSpan Period()
    {
        var period = options.Value.Relationships.AdvanceInterval;
        return rules.CheckInterval is { } check && check < period ? check : period;
    }
}
