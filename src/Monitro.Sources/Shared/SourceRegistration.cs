using Monitro.Validation.Shared;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace Monitro.Sources.Shared;

/// <summary>The one registration path behind every <c>Add…</c> source extension.</summary>
internal static class SourceRegistration
{
    /// <summary>The start of every source's HTTP client name, and so of its resilience pipeline's name.</summary>
    public const string HttpClientPrefix = "Monitro.Sources.";

    public static string HttpClientName(string sourceName) => HttpClientPrefix + sourceName;

    public static IMonitroBuilder Add<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TValidator,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TCustomValidator>(
        IMonitroBuilder builder,
        string name,
        Action<TOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience,
        Func<SourceContext, TOptions, IServiceProvider, IListeningSource> create,
        bool usesHttp = true)
        where TOptions : ListeningSourceOptions
        where TValidator : class, IValidateOptions<TOptions>, new()
        where TCustomValidator : class, IValidateOptions<TOptions>, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        ReserveName(services, name);

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton<SourceMetrics>();
        services.TryAddSingleton<SourceHealthRegistry>();
        services.TryAddSingleton<ISourceHealthMonitor>(sp => sp.GetRequiredService<SourceHealthRegistry>());

        services.AddOptions<TOptions>(name).Configure(configure).ValidateOnStart();
        OptionsValidatorRegistration.Add<TOptions, TValidator>(services);
        OptionsValidatorRegistration.Add<TOptions, TCustomValidator>(services);

        var clientName = HttpClientName(name);

        var bodyTimeout = BodyTimeout.Of(configureResilience);
        if (usesHttp)
        {
            services.AddHttpClient(clientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    AllowAutoRedirect = true,
                })
                .RemoveAllLoggers() // request logs would carry the address, which can be a secret (a Google Alert's feed)
                .AddStandardResilienceHandler(options => configureResilience?.Invoke(options));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TelemetryOptions>, QuietResilienceTelemetry>());
        }

        services.AddSingleton<IListeningSource>(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var context = CreateContext(sp, name, options, usesHttp ? clientName : null, bodyTimeout);
            return create(context, options, sp);
        });
        return builder;
    }

    private static SourceContext CreateContext(IServiceProvider services, string name, ListeningSourceOptions options, string? clientName, TimeSpan bodyTimeout)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Monitro.Sources." + name) ?? NullLogger.Instance;
        var health = services.GetRequiredService<SourceHealthRegistry>()
            .Register(new SourceHealthTracker(name, time, options.SilenceThreshold, options.FailureThreshold));
        var perMinute = options is PollingSourceOptions polling ? polling.RequestsPerMinute : 60;
        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 1_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        return new SourceContext(
            name,
            time,
            logger,
            services.GetRequiredService<SourceMetrics>(),
            health,
            limiter,
            clientName is null ? null : services.GetRequiredService<IHttpClientFactory>(),
            clientName ?? string.Empty,
            bodyTimeout);
    }

    /// <summary>Source names key checkpoints, metrics and logs, so a second source with the same name is refused at once.</summary>
    private static void ReserveName(IServiceCollection services, string name)
    {
        var names = services.FirstOrDefault(d => d.ServiceType == typeof(SourceNames))?.ImplementationInstance as SourceNames;
        if (names is null)
        {
            names = new SourceNames();
            services.AddSingleton(names);
        }

        if (!names.Add(name))
        {
            throw new InvalidOperationException($"A Monitro source named '{name}' is already registered; source names must be unique.");
        }
    }

    private sealed class SourceNames
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public bool Add(string name) => _names.Add(name);
    }
}
