using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Reddit;

/// <summary>
/// Gets OAuth tokens from Reddit's token endpoint with one grant (app-only client credentials for the source, a
/// user's refresh token for the reply publisher) and replaces them shortly before they expire. Requests go through the
/// caller's <paramref name="send"/>, so each keeps its own HTTP client, limiter and errors.
/// </summary>
/// <remarks>Not synchronised: two callers racing may both fetch a token, which costs a request and nothing else.</remarks>
internal sealed class RedditTokenProvider(RedditTokenGrant grant, TimeProvider time, TimeSpan refreshMargin, HttpBodySender send, Action<DateTimeOffset>? obtained = null) : IReplyCredentials
{
    private string? _token;
    private DateTimeOffset _expiresAt;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_token is { } known && time.GetUtcNow() < _expiresAt - refreshMargin)
        {
            return known;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, grant.Endpoint) { Content = new FormUrlEncodedContent(grant.Form) };
        if (!string.IsNullOrEmpty(grant.UserAgent))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", grant.UserAgent);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{grant.ClientId}:{grant.ClientSecret}")));
        var body = await send(request, cancellationToken).ConfigureAwait(false);
        RedditToken? token = null;
        try
        {
            token = body.Length == 0 ? null : JsonSerializer.Deserialize(body, RedditJsonContext.Default.RedditToken);
        }
        catch (JsonException)
        {
        }

        if (string.IsNullOrEmpty(token?.AccessToken))
        {
            throw new InvalidDataException("The token endpoint answered without an access token (check the client id and secret).");
        }

        _token = token.AccessToken;
        _expiresAt = time.GetUtcNow().AddSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : 3600);
        obtained?.Invoke(_expiresAt);
        return _token;
    }

    Task<string> IReplyCredentials.AccessTokenAsync(CancellationToken cancellationToken) => GetAsync(cancellationToken);

    /// <summary>Reddit refuses an expired or revoked token with 401.</summary>
    bool IReplyCredentials.IsExpired(ReplyAnswer answer) => answer.StatusCode == System.Net.HttpStatusCode.Unauthorized;

    Task IReplyCredentials.RenewAsync(string refusedToken, CancellationToken cancellationToken)
    {
        Invalidate(refusedToken);
        return Task.CompletedTask;
    }

    /// <summary>Forgets <paramref name="refusedToken"/> after the API refused it, unless a newer token replaced it already.</summary>
    public void Invalidate(string refusedToken)
    {
        if (string.Equals(_token, refusedToken, StringComparison.Ordinal))
        {
            _token = null;
        }
    }
}
