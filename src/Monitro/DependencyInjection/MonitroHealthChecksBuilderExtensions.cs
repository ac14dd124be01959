using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Monitro.Diagnostics;
using Monitro.Diagnostics.Health;

namespace Monitro;

/// <summary>Adds Monitro's health checks to an <see cref="IHealthChecksBuilder"/>.</summary>
public static class MonitroHealthChecksBuilderExtensions
{
    /// <summary>The tag of the checks that only a restart mends: point a liveness probe at them.</summary>
    public const string LiveTag = "live";

    /// <summary>The tag of the checks that say whether Monitro does its work: point a readiness probe at them.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Adds the health checks of the Monitro pipeline: <c>monitro-pipeline</c> (tagged <c>live</c>), and
    /// <c>monitro-store</c>, <c>monitro-outbox</c> and one <c>monitro-source-{name}</c> per source (tagged <c>ready</c>).
    /// </summary>
    /// <param name="builder">The health checks builder, from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="configure">Sets the thresholds, or <see langword="null"/> for the defaults.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Requires <c>AddMonitro</c>. The per-source checks are named when the health check service starts, from the
    /// sources registered then. Calling it twice adds nothing more. The thresholds are validated on start.
    /// </remarks>
    public static IHealthChecksBuilder AddMonitroHealthChecks(this IHealthChecksBuilder builder, Action<MonitroHealthCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<MonitroHealthCheckOptions>()
            .Validate(static o => o.SourceFailureThreshold > 0, "MonitroHealthCheckOptions.SourceFailureThreshold must be positive.")
            .Validate(static o => o.SourceSilenceThreshold > TimeSpan.Zero, "MonitroHealthCheckOptions.SourceSilenceThreshold must be positive.")
            .Validate(static o => o.OutboxStallThreshold > TimeSpan.Zero, "MonitroHealthCheckOptions.OutboxStallThreshold must be positive.")
            .Validate(static o => o.DeadAlertWindow >= TimeSpan.Zero, "MonitroHealthCheckOptions.DeadAlertWindow must not be negative.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (builder.Services.Any(static d => d.ServiceType == typeof(Marker)))
        {
            return builder;
        }

        builder.Services.AddSingleton<Marker>();
        builder.Add(new HealthCheckRegistration("monitro-pipeline", static p => new PipelineHealthCheck(p.GetRequiredService<PipelineActivity>()), null, [LiveTag]));
        builder.Add(new HealthCheckRegistration("monitro-store", static p => new StoreHealthCheck(p.GetRequiredService<IMonitroStore>()), null, [ReadyTag]));
        builder.Add(new HealthCheckRegistration(
            "monitro-outbox",
            static p => new OutboxHealthCheck(p.GetRequiredService<OutboxStatisticsCache>(), p.GetRequiredService<IOptionsMonitor<MonitroHealthCheckOptions>>(), p.GetRequiredService<TimeProvider>()),
            null,
            [ReadyTag]));

        // Sources are known by name only once they are built, so their checks join the registrations then.
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<IServiceProvider>(static (checks, provider) =>
        {
            foreach (var source in provider.GetServices<IListeningSource>())
            {
                var name = source.Name;
                checks.Registrations.Add(new HealthCheckRegistration(
                    "monitro-source-" + name,
                    p => new SourceHealthCheck(name, p.GetRequiredService<PipelineActivity>(), p.GetRequiredService<IOptionsMonitor<MonitroHealthCheckOptions>>(), p.GetRequiredService<TimeProvider>()),
                    null,
                    [ReadyTag]));
            }
        });
        return builder;
    }

    /// <summary>Marks the collection where the checks are registered, so a second call adds none twice.</summary>
    private sealed class Marker;
}
