using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Monitro.Sources;
using Monitro.Sources.Bluesky;
using Monitro.Sources.Mastodon;
using Monitro.Sources.Reddit;
using Monitro.Sources.Shared;
using Monitro.Validation.Shared;
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
    // A Reddit user token lasts a day; it is replaced this long before it ends.
    private static readonly TimeSpan TokenRefreshMargin = TimeSpan.FromMinutes(5);

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
        return AddPublisher<MastodonReplyOptions, MastodonReplyOptionsValidator>(
            builder,
            account,
            configure,
            configureResilience,
            options => Limiter(options.RequestsPerFiveMinutes, TimeSpan.FromMinutes(5)),
            (options, http, _) => new MastodonReplyPublisher(account, options, http));
    }

    /// <summary>Adds a Bluesky account that replies.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="account">The name of the account: what <see cref="ReplyDraft.Account"/> names.</param>
    /// <param name="configure">Configures the account; <see cref="BlueskyReplyOptions.Identifier"/> and <see cref="BlueskyReplyOptions.AppPassword"/> are required.</param>
    /// <param name="configureResilience">Optionally adjusts the HTTP resilience (timeouts, circuit breaker); retries stay off.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty.</exception>
    public static IMonitroBuilder AddBlueskyReplies(
        this IMonitroBuilder builder,
        string account,
        Action<BlueskyReplyOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        return AddPublisher<BlueskyReplyOptions, BlueskyReplyOptionsValidator>(
            builder,
            account,
            configure,
            configureResilience,
            options => Limiter(options.PointsPerHour, TimeSpan.FromHours(1)),
            (options, http, time) =>
            {
                var session = new BlueskySession(
                    new BlueskyCredentials(options.ServiceUrl!, options.Identifier!, options.AppPassword!, UserAgent: null),
                    (request, cancellationToken) => http.SendAsync(request, bearerToken: null, cost: 0, cancellationToken));
                return new BlueskyReplyPublisher(account, options, http, session, time);
            });
    }

    /// <summary>Adds a Reddit user that replies (comments).</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="account">The name of the account: what <see cref="ReplyDraft.Account"/> names.</param>
    /// <param name="configure">Configures the account; <see cref="RedditReplyOptions.ClientId"/>, <see cref="RedditReplyOptions.ClientSecret"/> and <see cref="RedditReplyOptions.RefreshToken"/> are required.</param>
    /// <param name="configureResilience">Optionally adjusts the HTTP resilience (timeouts, circuit breaker); retries stay off.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty.</exception>
    public static IMonitroBuilder AddRedditReplies(
        this IMonitroBuilder builder,
        string account,
        Action<RedditReplyOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        return AddPublisher<RedditReplyOptions, RedditReplyOptionsValidator>(
            builder,
            account,
            configure,
            configureResilience,
            options => Limiter(options.RequestsPerMinute, TimeSpan.FromMinutes(1)),
            (options, http, time) =>
            {
                var tokens = new RedditTokenProvider(
                    RedditTokenGrant.RefreshToken(options.TokenEndpoint!, options.ClientId!, options.ClientSecret!, options.UserAgent, options.RefreshToken!),
                    time,
                    TokenRefreshMargin,
                    (request, cancellationToken) => http.SendAsync(request, bearerToken: null, cost: 0, cancellationToken));
                return new RedditReplyPublisher(account, options, http, tokens);
            });
    }

    /// <summary>Registers one account's publisher: its validated named options, its HTTP client, its limiter, and the publisher itself.</summary>
    private static IMonitroBuilder AddPublisher<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TValidator>(
        IMonitroBuilder builder,
        string account,
        Action<TOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience,
        Func<TOptions, RateLimiter> limiter,
        Func<TOptions, ReplyHttp, TimeProvider, IReplyPublisher> create)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<TOptions>(account).Configure(configure).ValidateOnStart();
        OptionsValidatorRegistration.Add<TOptions, TValidator>(services);
        var clientName = AddClient(services, account, configureResilience);
        var bodyTimeout = BodyTimeout.Of(configureResilience);
        services.AddSingleton<IReplyPublisher>(provider =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(account);
            var time = provider.GetRequiredService<TimeProvider>();
            var http = new ReplyHttp(provider.GetRequiredService<IHttpClientFactory>(), clientName, limiter(options), time, bodyTimeout);
            return create(options, http, time);
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
