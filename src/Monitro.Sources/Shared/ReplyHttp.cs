using System.Net;
using System.Net.Http.Headers;
using System.Threading.RateLimiting;

namespace Monitro.Sources.Shared;

/// <summary>
/// Sends the requests of a reply publisher: through its rate limiter, bodies capped, and every refusal turned into a
/// <see cref="ReplyPublishException"/> that tells the outbox whether trying again can help and how long to wait.
/// </summary>
internal sealed class ReplyHttp(IHttpClientFactory clients, string clientName, RateLimiter limiter, TimeProvider time)
{
    private const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Sends a request with a bearer token; a 2xx answer's body comes back, anything else throws.</summary>
    public async Task<byte[]> SendAsync(HttpRequestMessage request, string? bearerToken, CancellationToken cancellationToken)
    {
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new ReplyPublishException("The account's own rate limiter refused the request (its queue is full).");
        }

        using var response = await clients.CreateClient(clientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Refusal(request, response);
        }

        if (response.Content.Headers.ContentLength > MaxBodyBytes)
        {
            throw new ReplyPublishException($"The answer to {Describe(request)} is larger than {MaxBodyBytes} bytes.");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return body.Length <= MaxBodyBytes ? body : throw new ReplyPublishException($"The answer to {Describe(request)} is larger than {MaxBodyBytes} bytes.");
    }

    private ReplyPublishException Refusal(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var meaning = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "the credentials were refused (expired or revoked token?)",
            HttpStatusCode.Forbidden => "the account may not do this (missing scope, suspended, or blocked by the author)",
            HttpStatusCode.NotFound => "not found (the post was deleted, or is not visible to the account)",
            HttpStatusCode.UnprocessableEntity => "the platform refused the reply as invalid",
            HttpStatusCode.TooManyRequests => "rate limited",
            _ => status >= 500 ? "the platform failed" : "refused",
        };
        return new ReplyPublishException($"{Describe(request)} answered {status}: {meaning}.")
        {
            StatusCode = status,
            RetryAfter = RetryAfter(response),
            IsPermanent = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest,
        };
    }

    // The path only: a query could carry what the post says.
    private static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.AbsolutePath}";

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? date - time.GetUtcNow() : null;
    }
}
