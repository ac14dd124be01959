using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Bluesky;

/// <summary>
/// Keeps a Bluesky session for the search source and the reply publisher: signs in once (<c>createSession</c> is
/// limited to 30 per 5 minutes and 300 per day) and afterwards renews the access token with the refresh token
/// (<c>refreshSession</c>); it signs in again only when the refresh token itself is refused. Requests go through the
/// caller's <paramref name="send"/>, so each keeps its own HTTP client, limiter and errors.
/// </summary>
/// <remarks>Not synchronised: two callers racing may both sign in or refresh, which costs a request and nothing else.</remarks>
internal sealed class BlueskySession(BlueskyCredentials credentials, HttpBodySender send, Action? refreshed = null) : IReplyCredentials
{
    private string? _accessJwt;
    private string? _refreshJwt;

    /// <summary>Gets the DID of the signed-in account, or <see langword="null"/> before the first sign-in.</summary>
    public string? Did { get; private set; }

    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_accessJwt is null)
        {
            await CreateAsync(cancellationToken).ConfigureAwait(false);
        }

        return _accessJwt!;
    }

    /// <summary>Renews the access token after the server refused <paramref name="refusedToken"/>, unless it was renewed since.</summary>
    public async Task RenewAsync(string refusedToken, CancellationToken cancellationToken)
    {
        if (_accessJwt is not null && !string.Equals(_accessJwt, refusedToken, StringComparison.Ordinal))
        {
            return;
        }

        if (_refreshJwt is null)
        {
            await CreateAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(credentials.ServiceUrl, "xrpc/com.atproto.server.refreshSession"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _refreshJwt);
        AddUserAgent(request);
        try
        {
            Store(await send(request, cancellationToken).ConfigureAwait(false));
            refreshed?.Invoke();
        }
        catch (Exception ex) when (IsRefused(ex))
        {
            // The refresh token expired or was revoked: only now sign in again.
            await CreateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether XRPC refused a token: 401, or 400 <c>ExpiredToken</c> / <c>InvalidToken</c>.</summary>
    public bool IsExpired(ReplyAnswer answer) =>
        answer.StatusCode == HttpStatusCode.Unauthorized
        || (answer.StatusCode == HttpStatusCode.BadRequest && XrpcError.NameOf(answer.Body) is "ExpiredToken" or "InvalidToken");

    private static bool IsRefused(Exception ex) =>
        ex is SourceHttpException { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized } or ReplyPublishException { StatusCode: 400 or 401 };

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(credentials.ServiceUrl, "xrpc/com.atproto.server.createSession"))
        {
            Content = JsonContent.Create(
                new CreateSessionRequest { Identifier = credentials.Identifier, Password = credentials.AppPassword },
                BlueskySearchJsonContext.Default.CreateSessionRequest),
        };
        AddUserAgent(request);
        Store(await send(request, cancellationToken).ConfigureAwait(false));
    }

    private void AddUserAgent(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(credentials.UserAgent))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", credentials.UserAgent);
        }
    }

    private void Store(byte[] body)
    {
        BlueskySessionResponse? session = null;
        try
        {
            session = body.Length == 0 ? null : JsonSerializer.Deserialize(body, BlueskySearchJsonContext.Default.BlueskySessionResponse);
        }
        catch (JsonException)
        {
        }

        if (string.IsNullOrEmpty(session?.AccessJwt))
        {
            throw new InvalidDataException("The server answered the sign-in without an access token.");
        }

        _accessJwt = session.AccessJwt;
        _refreshJwt = session.RefreshJwt ?? _refreshJwt;
        Did = session.Did ?? Did;
    }
}
