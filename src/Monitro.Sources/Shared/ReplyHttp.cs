using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;

namespace Monitro.Sources.Shared;

/// <summary>
/// Sends the requests of a reply publisher: through its rate limiter, bodies capped, and every refusal turned into a
/// <see cref="ReplyPublishException"/> that tells the outbox whether trying again can help and how long to wait. An
/// answer's body is read like a source's (<see cref="CappedBody"/>): never past the cap, and within
/// the body timeout of its headers.
/// </summary>
internal sealed class ReplyHttp(IHttpClientFactory clients, string clientName, RateLimiter limiter, TimeProvider time, TimeSpan bodyTimeout)
{
    private const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Sends a request with a bearer token; a 2xx answer's body comes back, anything else throws.</summary>
    public Task<byte[]> SendAsync(HttpRequestMessage request, string? bearerToken, CancellationToken cancellationToken) =>
        SendAsync(request, bearerToken, cost: 1, cancellationToken);

    /// <summary>Sends a request that takes <paramref name="cost"/> permits of the account's limiter (0: not limited); a 2xx answer's body comes back, anything else throws.</summary>
    public async Task<byte[]> SendAsync(HttpRequestMessage request, string? bearerToken, int cost, CancellationToken cancellationToken)
    {
        var answer = await ExchangeAsync(request, bearerToken, cost, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess ? answer.Body : throw Refusal(answer);
    }

    /// <summary>
    /// Sends a request with the account's access token, whatever its answer; when the platform says the token expired
    /// (so nothing happened), renews it and sends a fresh copy once.
    /// </summary>
    public async Task<ReplyAnswer> ExchangeAsync(Func<HttpRequestMessage> createRequest, IReplyCredentials credentials, int cost, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await credentials.AccessTokenAsync(cancellationToken).ConfigureAwait(false);
            using var request = createRequest();
            var answer = await ExchangeAsync(request, token, cost, cancellationToken).ConfigureAwait(false);
            if (attempt > 0 || !credentials.IsExpired(answer))
            {
                return answer;
            }

            await credentials.RenewAsync(token, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a request and returns the answer whatever its status, for callers that read the platform's error body before deciding.</summary>
    public async Task<ReplyAnswer> ExchangeAsync(HttpRequestMessage request, string? bearerToken, int cost, CancellationToken cancellationToken)
    {
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        if (cost > 0)
        {
            using var lease = await limiter.AcquireAsync(cost, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                throw new ReplyPublishException("The account's own rate limiter refused the request (its queue is full).");
            }
        }

        var described = Describe(request);
        using var response = await clients.CreateClient(clientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        byte[] body;
        bool tooLarge;
        try
        {
            (body, tooLarge) = await CappedBody.ReadAsync(response.Content, MaxBodyBytes, bodyTimeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new ReplyPublishException($"The answer to {described} did not arrive in time: {exception.Message}", exception);
        }

        return tooLarge
            ? throw new ReplyPublishException($"The answer to {described} is larger than {MaxBodyBytes} bytes.")
            : new ReplyAnswer(response.StatusCode, body, RetryAfter(response), described);
    }

    /// <summary>The error an answer that is not a success stands for.</summary>
    public static ReplyPublishException Refusal(ReplyAnswer answer, string? platformError = null)
    {
        var status = (int)answer.StatusCode;
        var meaning = answer.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "the credentials were refused (expired or revoked token?)",
            HttpStatusCode.Forbidden => "the account may not do this (missing scope, suspended, or blocked by the author)",
            HttpStatusCode.NotFound => "not found (the post was deleted, or is not visible to the account)",
            HttpStatusCode.UnprocessableEntity => "the platform refused the reply as invalid",
            HttpStatusCode.TooManyRequests => "rate limited",
            _ => status >= 500 ? "the platform failed" : "refused",
        };
        var code = platformError is null ? string.Empty : $" ({platformError})";
        return new ReplyPublishException($"{answer.Request} answered {status}{code}: {meaning}.")
        {
            StatusCode = status,
            RetryAfter = answer.RetryAfter,
            IsPermanent = answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest,
        };
    }

    /// <summary>Reads a JSON answer; an answer that is not the JSON expected is a (retryable) failure.</summary>
    public static T? Read<T>(byte[] body, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException exception)
        {
            throw new ReplyPublishException("The server's answer is not the JSON expected.", exception);
        }
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
