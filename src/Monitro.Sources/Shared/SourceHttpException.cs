using System.Net;

namespace Monitro.Sources.Shared;

/// <summary>An HTTP status that the resilience handler's retries could not turn into a success.</summary>
internal sealed class SourceHttpException : Exception
{
    public SourceHttpException()
    {
    }

    public SourceHttpException(string message)
        : base(message)
    {
    }

    public SourceHttpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceHttpException(HttpStatusCode statusCode, TimeSpan? retryAfter)
        : base(Describe(statusCode)) => (StatusCode, RetryAfter) = (statusCode, retryAfter);

    public HttpStatusCode StatusCode { get; }

    public TimeSpan? RetryAfter { get; }

    private static string Describe(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "HTTP 401 Unauthorized: the endpoint needs (valid) credentials",
        HttpStatusCode.Forbidden => "HTTP 403 Forbidden: access is refused (credentials, approval or a network block)",
        HttpStatusCode.NotFound => "HTTP 404 Not Found: check the address, tag or name the source is configured with",
        HttpStatusCode.TooManyRequests => "HTTP 429 Too Many Requests: the platform's rate limit was reached",
        _ => $"HTTP {(int)status} {status}",
    };
}
