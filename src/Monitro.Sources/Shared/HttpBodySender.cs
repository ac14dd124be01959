namespace Monitro.Sources.Shared;

/// <summary>Sends a request and returns the body of its 2xx answer, throwing the caller's own error on anything else.</summary>
/// <param name="request">The request.</param>
/// <param name="cancellationToken">A token that cancels the request.</param>
/// <returns>The body.</returns>
internal delegate Task<byte[]> HttpBodySender(HttpRequestMessage request, CancellationToken cancellationToken);
