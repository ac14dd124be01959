using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Monitro.Orleans.Alerting;

/// <summary>
/// Checks every tenant's alert rules from every silo each <see cref="AlertingOptions.CheckInterval"/> (the shortest among
/// the tenants): the call closes the digest windows that ended and checks the spikes, and activates a tenant's alert grain
/// on a live silo when its own died. Calls from several silos reach the same activation.
/// </summary>
/// <remarks>
/// The tenants and the interval are read from the options before each period, so a tenant given rules at run time is
/// checked from the next period on, and a tenant whose rules were removed is still checked (what was left pending goes out).
/// </remarks>
internal sealed class TenantAlertKeeper(IGrainFactory grains, TenantAlertRules rules, ClusterClock clock, ILogger<TenantAlertKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(rules.CheckInterval, clock.Time, stoppingToken).ConfigureAwait(false);
            foreach (var tenantId in rules.Tenants.ToArray())
            {
                try
                {
                    _ = await grains.GetGrain<ITenantAlertGrain>(tenantId).CheckAsync(clock.Time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The silo is still joining, or the grain's silo is being declared dead: what is due stays in the store for the next period.
                    logger.TenantAlertCheckFailed(exception, tenantId);
                }
            }
        }
    }
}
