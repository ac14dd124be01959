using Monitro.Validation.Shared;
using Monitro.Storage.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Alerting;
using Monitro.Analysis;
using Monitro.DependencyInjection;
using Monitro.Diagnostics;
using Monitro.Relationships;

namespace Monitro;

/// <summary>Registers Monitro in an <see cref="IServiceCollection"/>.</summary>
public static class MonitroServiceCollectionExtensions
{
    /// <summary>Adds the Monitro pipeline with default options.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>An <see cref="IMonitroBuilder"/> to add sources, watches and sinks.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IMonitroBuilder AddMonitro(this IServiceCollection services) => services.AddMonitro(static _ => { });

    /// <summary>Adds the Monitro pipeline.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; they are validated when the host starts (or on first use without a host).</param>
    /// <returns>An <see cref="IMonitroBuilder"/> to add sources, watches and sinks.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>Calling it twice is harmless: services are registered once, and options delegates add up (a watch
    /// added twice with the same name and query counts once).</para>
    /// <para>Until a durable store replaces it (for example <c>UseSqlite</c>), one <see cref="InMemoryMonitroStore"/>
    /// keeps the data and answers as <see cref="IMonitroStore"/>, <see cref="IAlertOutbox"/>, <see cref="IAlertDeadLetters"/>, <see cref="IMonitroQueries"/>,
    /// <see cref="IInteractionHistory"/>, <see cref="IPersonDataEraser"/> and <see cref="IRelationshipSnapshotStore"/>.</para>
    /// </remarks>
    public static IMonitroBuilder AddMonitro(this IServiceCollection services, Action<MonitroOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services).Configure(configure);
        return new MonitroBuilder(services);
    }

    /// <summary>Adds the Monitro pipeline, configuring its options with access to other services.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>An <see cref="IMonitroBuilder"/> to add sources, watches and sinks.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IMonitroBuilder AddMonitro(this IServiceCollection services, Action<MonitroOptions, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services).Configure<IServiceProvider>((options, provider) => configure(options, provider));
        return new MonitroBuilder(services);
    }

    private static OptionsBuilder<MonitroOptions> AddCore(IServiceCollection services)
    {
        var options = services.AddOptions<MonitroOptions>().ValidateOnStart();
        OptionsValidatorRegistration.Add<MonitroOptions, MonitroOptionsValidator>(services);
        OptionsValidatorRegistration.Add<MonitroOptions, MonitroOptionsCustomValidator>(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<MonitroMetrics>();
        DiagnosticsRegistration.Add(services);
        Backfill.BackfillRegistration.Add(services);
        services.TryAddSingleton<IMentionMatcher>(static _ => new MentionMatcher());
        services.AddOptions<RelationshipOptions>().ValidateOnStart();
        OptionsValidatorRegistration.Add<RelationshipOptions, RelationshipOptionsValidator>(services);
        OptionsValidatorRegistration.Add<RelationshipOptions, RelationshipOptionsCustomValidator>(services);
        services.TryAddSingleton<IContactResolver>(static _ => new NullContactResolver());
        services.TryAddSingleton(static provider => new RelationshipRegistry(
            provider.GetRequiredService<IOptions<RelationshipOptions>>().Value,
            provider.GetRequiredService<IContactResolver>()));
        services.TryAddSingleton<IRelationshipScorer>(static provider => provider.GetRequiredService<RelationshipRegistry>());
        services.TryAddSingleton<IPersonDirectory>(static provider => provider.GetRequiredService<RelationshipRegistry>());
        services.AddOptions<SentimentOptions>();
        services.TryAddSingleton<ISentimentAnalyzer>(static provider => new LexiconSentimentAnalyzer(provider.GetRequiredService<IOptions<SentimentOptions>>().Value));
        services.TryAddSingleton<IIntentDetector>(static _ => new RuleIntentDetector());
        services.TryAddSingleton(static provider => new InMemoryMonitroStore(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IMonitroStore>(static provider => provider.GetRequiredService<InMemoryMonitroStore>());
        services.TryAddSingleton<IAlertOutbox>(static provider => provider.GetRequiredService<InMemoryMonitroStore>());
        services.TryAddSingleton(static provider => RegisteredStoreAs<IAlertDeadLetters>(provider));
        services.TryAddSingleton(static provider => RegisteredStoreAs<IMonitroQueries>(provider));
        services.TryAddSingleton(static provider => RegisteredStoreAs<IInteractionHistory>(provider));
        services.TryAddSingleton(static provider => RegisteredStoreAs<IPersonDataEraser>(provider));
        services.TryAddSingleton(static provider => RegisteredStoreAs<IRelationshipSnapshotStore>(provider));
        services.TryAddSingleton(static provider => RegisteredStoreAs<IMonitroInbox>(provider));
        services.TryAddSingleton(static provider => RegisteredStoreAs<IMonitroInsights>(provider));
        services.TryAddSingleton(static provider => RegisteredStoreAs<IPersonInteractionHistory>(provider));
        services.TryAddSingleton(static provider => RegisteredStoreAs<IRecentInteractionHistory>(provider));
        services.TryAddSingleton(static provider => RegisteredStoreAs<IStoredPosts>(provider));
        services.TryAddSingleton(static provider => RegisteredStoreAs<IReplyOutbox>(provider));
        services.TryAddSingleton(static provider => new MentionMonitor(
            provider.GetServices<IListeningSource>(),
            provider.GetRequiredService<IMentionMatcher>(),
            provider.GetRequiredService<IMonitroStore>(),
            provider.GetRequiredService<IAlertOutbox>(),
            provider.GetServices<IAlertSink>(),
            provider.GetRequiredService<IRelationshipScorer>(),
            provider.GetRequiredService<IOptions<MonitroOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<MonitroMetrics>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<ISentimentAnalyzer>(),
            provider.GetService<IIntentDetector>())
        {
            AlertRouter = provider.GetRequiredService<AlertRouter>(),
            InteractionHistory = InteractionHistoryOf(provider),
            AlertStateStore = provider.GetRequiredService<IMonitroStore>() as IAlertStateStore,
            Activity = provider.GetRequiredService<PipelineActivity>(),
            ResponseTargets = provider.GetRequiredService<IOptions<RelationshipOptions>>().Value,
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MonitroHostedService>());
        services.AddOptions<AlertingOptions>().ValidateOnStart();
        OptionsValidatorRegistration.Add<AlertingOptions, AlertingOptionsValidator>(services);
        OptionsValidatorRegistration.Add<AlertingOptions, AlertingOptionsCustomValidator>(services);
        services.TryAddSingleton(static provider =>
        {
            var time = provider.GetRequiredService<TimeProvider>();
            var relationships = provider.GetRequiredService<IRelationshipScorer>();
            return new AlertRouter(
                provider.GetRequiredService<IOptionsMonitor<AlertingOptions>>(),
                time,
                provider.GetService<ILoggerFactory>()?.CreateLogger("Monitro.Alerting"),
                alert => RoleOf(alert, relationships, time));
        });
        return options;
    }

    // The query sides answer from the store the pipeline writes (the in-memory default, or a store registered in
    // its place), never from another instance; a store without that side fails here with a clear message.
    private static TService RegisteredStoreAs<TService>(IServiceProvider provider)
        where TService : class
    {
        var store = provider.GetRequiredService<IMonitroStore>();
        return store as TService ?? throw new InvalidOperationException(
            $"The registered {nameof(IMonitroStore)} ({store.GetType().Name}) does not implement {typeof(TService).Name}; register an implementation of {typeof(TService).Name} as well.");
    }

    // Relationships are rebuilt from the history of the store the pipeline writes; a store that keeps none starts them empty.
    private static IInteractionHistory? InteractionHistoryOf(IServiceProvider provider) =>
        provider.GetRequiredService<IMonitroStore>() is IInteractionHistory ? provider.GetRequiredService<IInteractionHistory>() : null;

    // Rules filtered by role ask the relationship stage for the suggested role of the alert's person.
    private static string? RoleOf(Alert alert, IRelationshipScorer relationships, TimeProvider time)
    {
        var personId = AlertSubject.PersonOf(alert);
        return personId is null ? null : relationships.GetRelationship(personId, time.GetUtcNow())?.Role?.ToString();
    }

    private sealed record MonitroBuilder(IServiceCollection Services) : IMonitroBuilder;
}
