using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitro.Diagnostics.Health;

/// <summary>The store answers: one cheap round trip (a checkpoint read), unhealthy when it fails.</summary>
internal sealed class StoreHealthCheck(IMonitroStore store) : IHealthCheck
{
    // No source has this name (source names are the user's; this one is reserved to the check), so the read finds nothing.
    private const string ProbeSourceName = "monitro.health-check";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await store.GetCheckpointAsync(ProbeSourceName, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{store.GetType().Name} answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{store.GetType().Name} does not answer: {exception.GetType().Name}.", exception);
        }
    }
}
