using Monitro.Validation.Shared;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Monitro.Sources;
using Monitro.Sources.Mastodon;
using Monitro.Sources.Shared;
using Polly;

namespace Monitro;

/// <summary>Adds reply publishers (<see cref="IReplyPublisher"/>) for our accounts on the platforms Monitro listens to.</summary>
/// <remarks>
/// Each account gets validated named options (checked when the host starts), its own HTTP client with the standard
/// resilience handler but <b>no automatic retry</b> (the reply outbox retries, knowing whether a post may exist), its
/// own rate limiter, and logs without its credentials. Add <see cref="MonitroRepliesBuilderExtensions.AddReplies"/> too.
/// </remarks>
public static class MonitroReplyPublishersBuilderExtensions
{
    /// <summary>Adds a Mastodon account that replies.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="account">The name of the account: what <see cref="ReplyDraft.Account"/> names.</param>
    /// <param name="configure">Configures the account; <see cref="MastodonReplyOptions.Instance"/> and <see cref="MastodonReplyOptions.AccessToken"/> are required.</param>
    /// <param name="configureResilience">Optionally adjusts the HTTP resilience (timeouts, circuit breaker); retries stay off.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty.</exception>
    public static IMonitroBuilder AddMastodonReplies(
        this IMonitroBuilder builder,
        string account,
        Action<MastodonReplyOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<MastodonReplyOptions>(account).Configure(configure).ValidateOnStart();
        OptionsValidatorRegistration.Add<MastodonReplyOptions, MastodonReplyOptionsValidator>(services);
        var clientName = AddClient(services, account, configureResilience);
        services.AddSingleton<IReplyPublisher>(provider =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<MastodonReplyOptions>>().Get(account);
            var limiter = Limiter(options.RequestsPerFiveMinutes, TimeSpan.FromMinutes(5));
            var http = new ReplyHttp(provider.GetRequiredService<IHttpClientFactory>(), clientName, limiter, provider.GetRequiredService<TimeProvider>());
            return new MastodonReplyPublisher(account, options, http);
        });
        return builder;
    }

    private static string AddClient(IServiceCollection services, string account, Action<HttpStandardResilienceOptions>? configureResilience)
    {
        services.TryAddSingleton(TimeProvider.System);
        var clientName = "Monitro.Replies." + account;
        services.AddHttpClient(clientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
            })
            .RemoveAllLoggers() // request logs would carry the URI of the post answered
            .AddStandardResilienceHandler(options =>
            {
                configureResilience?.Invoke(options);

                // Never retried here: a POST that timed out may have created the post; the outbox decides.
                options.Retry.ShouldHandle = static _ => PredicateResult.False();
            });
        return clientName;
    }

    private static TokenBucketRateLimiter Limiter(int requests, TimeSpan period) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = requests,
        TokensPerPeriod = requests,
        ReplenishmentPeriod = period,
        QueueLimit = 1_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
