using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitro.Diagnostics.Health;

/// <summary>The pipeline is alive: unhealthy once its run stopped with an error, which only a restart mends.</summary>
internal sealed class PipelineHealthCheck(PipelineActivity activity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(activity.Failure is { } failure
            ? new HealthCheckResult(context.Registration.FailureStatus, $"The pipeline stopped with an error: {failure.GetType().Name}.", failure)
            : HealthCheckResult.Healthy("The pipeline has not failed."));
    }
}
