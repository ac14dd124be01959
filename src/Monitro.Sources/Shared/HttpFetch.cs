using System.Net;
using System.Net.Http.Headers;

namespace Monitro.Sources.Shared;

/// <summary>A response read by <see cref="SourceContext.FetchAsync"/>: its status, headers and body (capped).</summary>
/// <param name="StatusCode">The status code.</param>
/// <param name="Headers">The response headers.</param>
/// <param name="ContentHeaders">The content headers, or <see langword="null"/>.</param>
/// <param name="Body">The body, empty for 304 or when it was too large.</param>
/// <param name="BodyTooLarge">Whether the body exceeded the size cap and was not read.</param>
internal sealed record HttpFetch(
    HttpStatusCode StatusCode,
    HttpResponseHeaders Headers,
    HttpContentHeaders? ContentHeaders,
    byte[] Body,
    bool BodyTooLarge)
{
    public bool NotModified => StatusCode == HttpStatusCode.NotModified;

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
