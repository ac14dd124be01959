using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Bluesky;

/// <summary>
/// Keeps a Bluesky session: signs in once (<c>createSession</c> is limited to 30 per 5 minutes and 300 per day) and
/// afterwards renews the access token with the refresh token (<c>refreshSession</c>); it signs in again only when the
/// refresh token itself is refused. Not thread-safe (one source reads at a time).
/// </summary>
internal sealed class BlueskySession(SourceContext context, BlueskySearchOptions options)
{
    private string? _accessJwt;
    private string? _refreshJwt;

    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_accessJwt is null)
        {
            await CreateAsync(cancellationToken).ConfigureAwait(false);
        }

        return _accessJwt!;
    }

    /// <summary>Renews the access token after the server refused it.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        if (_refreshJwt is null)
        {
            await CreateAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ServiceUrl, "xrpc/com.atproto.server.refreshSession"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _refreshJwt);
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        try
        {
            Store(await context.FetchAsync(request, 64 * 1024, cancellationToken).ConfigureAwait(false));
            context.Logger.SessionRefreshed(context.Name);
        }
        catch (SourceHttpException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            // The refresh token expired or was revoked: only now sign in again.
            await CreateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ServiceUrl, "xrpc/com.atproto.server.createSession"))
        {
            Content = JsonContent.Create(
                new CreateSessionRequest { Identifier = options.Identifier, Password = options.AppPassword },
                BlueskySearchJsonContext.Default.CreateSessionRequest),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        Store(await context.FetchAsync(request, 64 * 1024, cancellationToken).ConfigureAwait(false));
    }

    private void Store(HttpFetch fetch)
    {
        BlueskySessionResponse? session = null;
        try
        {
            session = fetch.BodyTooLarge ? null : JsonSerializer.Deserialize(fetch.Body, BlueskySearchJsonContext.Default.BlueskySessionResponse);
        }
        catch (JsonException)
        {
        }

        if (string.IsNullOrEmpty(session?.AccessJwt))
        {
            throw new SourceHttpException("The server answered the sign-in without an access token.");
        }

        _accessJwt = session.AccessJwt;
        _refreshJwt = session.RefreshJwt ?? _refreshJwt;
    }
}
