using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitro.Backfill;

/// <summary>Registers the backfill scheduler over the registered store, and the hosted service that starts it.</summary>
internal static class BackfillRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(static provider =>
        {
            var options = provider.GetRequiredService<IOptions<MonitroOptions>>().Value;
            var backfill = new WatchBackfill(
                provider.GetRequiredService<IStoredPosts>(),
                provider.GetRequiredService<IMonitroStore>(),
                provider.GetService<ISentimentAnalyzer>(),
                provider.GetService<IIntentDetector>());
            return new WatchBackfillScheduler(
                backfill,
                new BackfillOptions { BatchSize = options.BackfillBatchSize, OwnAccounts = [.. options.OwnAccounts] },
                provider.GetService<ILoggerFactory>()?.CreateLogger("Monitro.Backfill"));
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WatchBackfillHostedService>());
    }
}
