using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Monitro.Sources.Shared;

/// <summary>What one source instance runs with: its name, clock, HTTP client, rate limiter, logger, metrics and health.</summary>
internal sealed class SourceContext
{
    private readonly IHttpClientFactory? _httpClientFactory;
    private readonly string _httpClientName;

    public SourceContext(
        string name,
        TimeProvider time,
        ILogger logger,
        SourceMetrics metrics,
        SourceHealthTracker health,
        RateLimiter rateLimiter,
        IHttpClientFactory? httpClientFactory,
        string httpClientName,
        TimeSpan bodyTimeout)
    {
        Name = name;
        Time = time;
        Logger = logger;
        Metrics = metrics;
        Health = health;
        RateLimiter = rateLimiter;
        _httpClientFactory = httpClientFactory;
        _httpClientName = httpClientName;
        BodyTimeout = bodyTimeout;
    }

    public string Name { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public SourceMetrics Metrics { get; }

    public SourceHealthTracker Health { get; }

    public RateLimiter RateLimiter { get; }

    /// <summary>Gets how long a response body may take to arrive once its headers did: the resilience handler's total request timeout.</summary>
    public TimeSpan BodyTimeout { get; }

    /// <summary>Reports an item that could not be read: logs it and returns the dead letter for the batch.</summary>
    public SkippedItem Skip(string position, string reason, string? excerpt = null)
    {
        Logger.ItemSkipped(Name, position, reason);
        return new SkippedItem(Name, position, reason, excerpt);
    }

    public HttpClient CreateClient() =>
        (_httpClientFactory ?? throw new InvalidOperationException("This source has no HTTP client.")).CreateClient(_httpClientName);

    /// <summary>
    /// Sends a request through the rate limiter and reads the body up to <paramref name="maxBytes"/>. A 304 and any 2xx
    /// come back as a result; every other status throws <see cref="SourceHttpException"/> (the resilience handler has
    /// already retried what was worth retrying).
    /// </summary>
    public async Task<HttpFetch> FetchAsync(HttpRequestMessage request, long maxBytes, CancellationToken cancellationToken = default)
    {
        using var lease = await RateLimiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new SourceHttpException("The source's own rate limiter refused the request (its queue is full).");
        }

        var client = CreateClient();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        Metrics.Request(Name, (int)response.StatusCode);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new HttpFetch(response.StatusCode, response.Headers, response.Content?.Headers, [], BodyTooLarge: false);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SourceHttpException(response.StatusCode, RetryAfter(response));
        }

        var (body, tooLarge) = await CappedBody.ReadAsync(response.Content, maxBytes, BodyTimeout, Time, cancellationToken).ConfigureAwait(false);
        if (tooLarge)
        {
            Logger.BodyTooLarge(Name, maxBytes);
        }

        return new HttpFetch(response.StatusCode, response.Headers, response.Content.Headers, body, tooLarge);
    }

    /// <summary>Fetches like <see cref="FetchAsync"/> and returns the body only (empty when it was too large).</summary>
    public async Task<byte[]> FetchBodyAsync(HttpRequestMessage request, long maxBytes, CancellationToken cancellationToken = default)
    {
        var fetch = await FetchAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        return fetch.BodyTooLarge ? [] : fetch.Body;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? date - Time.GetUtcNow() : null;
    }
}
