using System.Net;

namespace Monitro.Sources.Shared;

/// <summary>A platform's answer to one request of a reply publisher, read whole (capped).</summary>
/// <param name="StatusCode">The status.</param>
/// <param name="Body">The body.</param>
/// <param name="RetryAfter">The wait the platform asked for, or <see langword="null"/>.</param>
/// <param name="Request">The method and path of the request (no query: it could carry what a post says).</param>
internal sealed record ReplyAnswer(HttpStatusCode StatusCode, byte[] Body, TimeSpan? RetryAfter, string Request)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
