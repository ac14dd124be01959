namespace Monitro;

/// <summary>The thresholds of Monitro's health checks (<see cref="MonitroHealthChecksBuilderExtensions.AddMonitroHealthChecks(Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder, Action{MonitroHealthCheckOptions})"/>).</summary>
public sealed class MonitroHealthCheckOptions
{
    /// <summary>Gets or sets how many failures in a row make a source unhealthy; fewer make it degraded while it backs off.</summary>
    /// <value>The default is 3.</value>
    public int SourceFailureThreshold { get; set; } = 3;

    /// <summary>Gets or sets how long a source may deliver no batch before it is reported silent (degraded).</summary>
    /// <value>The default is 1 hour.</value>
    public TimeSpan SourceSilenceThreshold { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how long an alert may stay due in the outbox before delivery counts as stalled (unhealthy).</summary>
    /// <value>The default is 10 minutes.</value>
    public TimeSpan OutboxStallThreshold { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how recent a new dead alert makes the outbox degraded: dead letters are growing.</summary>
    /// <value>The default is 1 hour.</value>
    public TimeSpan DeadAlertWindow { get; set; } = TimeSpan.FromHours(1);
}
