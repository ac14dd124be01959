using Microsoft.Extensions.Http.Resilience;
using Monitro.Sources;
using Monitro.Sources.Bluesky;
using Monitro.Sources.HackerNews;
using Monitro.Sources.Mastodon;
using Monitro.Sources.Reddit;
using Monitro.Sources.Rss;
using Monitro.Sources.Shared;

namespace Monitro;

/// <summary>Adds Monitro's built-in listening sources to an <see cref="IMonitroBuilder"/>.</summary>
/// <remarks>
/// Every source gets validated named options (checked when the host starts), its own HTTP client with the standard
/// resilience handler (retries with jitter that honour <c>Retry-After</c>, timeouts, a circuit breaker), its own rate
/// limiter and a health entry in <see cref="ISourceHealthMonitor"/>. Source names must be unique.
/// </remarks>
public static class MonitroSourcesBuilderExtensions
{
    /// <summary>Adds an RSS or Atom feed source.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="configure">Configures the source; <see cref="RssSourceOptions.FeedUrl"/> is required.</param>
    /// <param name="configureResilience">Optionally adjusts the HTTP resilience (retries, timeouts, circuit breaker).</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">A source with that name is already registered.</exception>
    public static IMonitroBuilder AddRss(
        this IMonitroBuilder builder,
        string name,
        Action<RssSourceOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience = null) =>
        SourceRegistration.Add<RssSourceOptions, RssSourceOptionsValidator, RssSourceOptionsCustomValidator>(
            builder, name, configure, configureResilience, (context, options, _) => new RssSource(context, options));

    /// <summary>Adds a Google Alerts feed (an alert delivered as an RSS feed): an Atom feed whose Google redirect links are unwrapped.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="configure">Configures the source; set <see cref="RssSourceOptions.FeedUrl"/> to the alert's feed address (<c>https://www.google.com/alerts/feeds/…</c>).</param>
    /// <param name="configureResilience">Optionally adjusts the HTTP resilience (retries, timeouts, circuit breaker).</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">A source with that name is already registered.</exception>
    public static IMonitroBuilder AddGoogleAlerts(
        this IMonitroBuilder builder,
        string name,
        Action<RssSourceOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddRss(
            name,
            options =>
            {
                options.UnwrapGoogleRedirects = true;
                options.PollInterval = TimeSpan.FromMinutes(15);
                configure(options);
            },
            configureResilience);
    }

    /// <summary>Adds a Mastodon source that follows hashtag timelines on one server.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="configure">Configures the source; <see cref="MastodonSourceOptions.Instance"/> and at least one hashtag are required.</param>
    /// <param name="configureResilience">Optionally adjusts the HTTP resilience (retries, timeouts, circuit breaker).</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">A source with that name is already registered.</exception>
    public static IMonitroBuilder AddMastodon(
        this IMonitroBuilder builder,
        string name,
        Action<MastodonSourceOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience = null) =>
        SourceRegistration.Add<MastodonSourceOptions, MastodonSourceOptionsValidator, MastodonSourceOptionsCustomValidator>(
            builder, name, configure, configureResilience, (context, options, _) => new MastodonSource(context, options));

    /// <summary>Adds a Hacker News source that searches stories and comments through the Algolia HN Search API.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="configure">Configures the source; <see cref="HackerNewsSourceOptions.Query"/> is required.</param>
    /// <param name="configureResilience">Optionally adjusts the HTTP resilience (retries, timeouts, circuit breaker).</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">A source with that name is already registered.</exception>
    public static IMonitroBuilder AddHackerNews(
        this IMonitroBuilder builder,
        string name,
        Action<HackerNewsSourceOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience = null) =>
        SourceRegistration.Add<HackerNewsSourceOptions, HackerNewsSourceOptionsValidator, HackerNewsSourceOptionsCustomValidator>(
            builder, name, configure, configureResilience, (context, options, _) => new HackerNewsSource(context, options));

    /// <summary>Adds a Reddit source (search and/or subreddits' newest posts) through the OAuth API with app-only credentials.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="configure">Configures the source; the client id and secret, a descriptive User-Agent, and a query or subreddits are required.</param>
    /// <param name="configureResilience">Optionally adjusts the HTTP resilience (retries, timeouts, circuit breaker).</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">A source with that name is already registered.</exception>
    public static IMonitroBuilder AddReddit(
        this IMonitroBuilder builder,
        string name,
        Action<RedditSourceOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience = null) =>
        SourceRegistration.Add<RedditSourceOptions, RedditSourceOptionsValidator, RedditSourceOptionsCustomValidator>(
            builder, name, configure, configureResilience, (context, options, _) => new RedditSource(context, options));

    /// <summary>Adds a Bluesky source that listens to posts on Jetstream (a WebSocket stream; no account needed).</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="configure">Configures the source; the defaults connect to Bluesky's public Jetstream.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">A source with that name is already registered.</exception>
    public static IMonitroBuilder AddBlueskyJetstream(
        this IMonitroBuilder builder,
        string name,
        Action<BlueskyJetstreamOptions> configure) =>
        SourceRegistration.Add<BlueskyJetstreamOptions, BlueskyJetstreamOptionsValidator, BlueskyJetstreamOptionsCustomValidator>(
            builder, name, configure, configureResilience: null, (context, options, _) => new JetstreamSource(context, options), usesHttp: false);

    /// <summary>Adds a Bluesky source that polls the authenticated post search (for backfill; use Jetstream for ongoing listening).</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="configure">Configures the source; the account identifier, an app password and the query are required.</param>
    /// <param name="configureResilience">Optionally adjusts the HTTP resilience (retries, timeouts, circuit breaker).</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">A source with that name is already registered.</exception>
    public static IMonitroBuilder AddBlueskySearch(
        this IMonitroBuilder builder,
        string name,
        Action<BlueskySearchOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience = null) =>
        SourceRegistration.Add<BlueskySearchOptions, BlueskySearchOptionsValidator, BlueskySearchOptionsCustomValidator>(
            builder, name, configure, configureResilience, (context, options, _) => new BlueskySearchSource(context, options));
}
