using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Monitro.Diagnostics;

namespace Monitro.DependencyInjection;

/// <summary>Registers what the pipeline reports about itself: its activity, the outbox figures and the gauges over both.</summary>
internal static class DiagnosticsRegistration
{
    public static void Add(IServiceCollection services)
    {
        // Resolving the activity (the monitor does) creates the gauges, so they exist whenever a pipeline can run.
        services.TryAddSingleton(static provider => new MonitroGauges(
            provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            new PipelineActivity(),
            provider.GetRequiredService<OutboxStatisticsCache>()));
        services.TryAddSingleton(static provider => provider.GetRequiredService<MonitroGauges>().Activity);
        services.TryAddSingleton(static provider => new OutboxStatisticsCache(() => OutboxStatisticsOf(provider)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxStatisticsSampler>());
    }

    // A statistics side registered on its own wins; otherwise the store the pipeline writes, when it keeps the figures.
    private static IAlertOutboxStatistics? OutboxStatisticsOf(IServiceProvider provider) =>
        provider.GetService<IAlertOutboxStatistics>() ?? provider.GetService<IMonitroStore>() as IAlertOutboxStatistics;
}
