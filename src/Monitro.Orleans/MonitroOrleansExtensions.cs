using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitro.Orleans;
using Monitro.Orleans.Alerting;
using Monitro.Orleans.Clock;
using Monitro.Orleans.Leases;

namespace Monitro;

/// <summary>Registers Monitro's scale-out on an Orleans silo.</summary>
public static class MonitroOrleansExtensions
{
    /// <summary>
    /// Adds Monitro's grains to a silo: a lease per registered <see cref="IListeningSource"/>, kept alive from every silo,
    /// the matcher shards and their replicas, a grain per person of each tenant, and a grain per tenant with alert rules
    /// (<see cref="MonitroTenantOptions.Alerting"/>), and the cluster's clock (<see cref="IClusterClockGrain"/>), called from every silo. Posts are read with the
    /// registered <see cref="ISentimentAnalyzer"/> and <see cref="IIntentDetector"/> (the built-in ones when none is). The host registers the sources, an <see cref="IMonitroClusterStores"/> and an
    /// <see cref="ITenantWatchRegistry"/>, the same on every silo.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options; every silo must set the same.</param>
    /// <returns>The silo builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ISiloBuilder AddMonitroOrleans(this ISiloBuilder builder, Action<MonitroOrleansOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<MonitroOrleansOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MonitroOrleansOptions>, MonitroOrleansOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);

        // The analyzers of one process by default; a host registers its own before this call to replace them.
        builder.Services.TryAddSingleton<ISentimentAnalyzer>(static _ => new LexiconSentimentAnalyzer());
        builder.Services.TryAddSingleton<IIntentDetector>(static _ => new RuleIntentDetector());
        builder.Services.TryAddSingleton(static provider => new ClusterClock(provider.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton<TenantAlertRules>();
        builder.Services.AddHostedService<LeaseKeeper>();
        builder.Services.AddHostedService<ClusterClockKeeper>();
        return builder;
    }
}
