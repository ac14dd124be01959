using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Monitro.Diagnostics.Health;

/// <summary>
/// The alert outbox: unhealthy when delivery stalled (an alert has been due for longer than
/// <see cref="MonitroHealthCheckOptions.OutboxStallThreshold"/>), degraded when dead letters are growing (an alert was
/// given up within <see cref="MonitroHealthCheckOptions.DeadAlertWindow"/>), healthy otherwise.
/// </summary>
internal sealed class OutboxHealthCheck(OutboxStatisticsCache outbox, IOptionsMonitor<MonitroHealthCheckOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        AlertOutboxStatistics? statistics;
        try
        {
            statistics = await outbox.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The outbox cannot be read: {exception.GetType().Name}.", exception);
        }

        if (statistics is null)
        {
            return HealthCheckResult.Healthy("The store keeps no outbox figures.");
        }

        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["waiting"] = statistics.Waiting,
            ["deadAlerts"] = statistics.DeadAlerts,
        };
        if (statistics.OldestDueAt is { } oldestDue && now - oldestDue > settings.OutboxStallThreshold)
        {
            data["oldestDueAt"] = oldestDue;
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                string.Create(CultureInfo.InvariantCulture, $"Delivery stalled: {statistics.Waiting} alert(s) wait, the oldest due for {now - oldestDue:c} (threshold {settings.OutboxStallThreshold:c})."),
                data: data);
        }

        if (statistics.NewestDeadAlertAt is { } newestDead && now - newestDead <= settings.DeadAlertWindow)
        {
            data["newestDeadAlertAt"] = newestDead;
            return HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"Dead letters are growing: the last alert was given up at {newestDead:O}; {statistics.DeadAlerts} dead alert(s) in all."),
                data: data);
        }

        return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{statistics.Waiting} alert(s) wait for delivery."), data);
    }
}
