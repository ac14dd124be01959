using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Reddit;

/// <summary>Gets app-only OAuth tokens (client credentials) and replaces them shortly before they expire; not thread-safe (one source reads at a time).</summary>
internal sealed class RedditTokenProvider(SourceContext context, RedditSourceOptions options)
{
    private string? _token;
    private DateTimeOffset _expiresAt;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_token is not null && context.Time.GetUtcNow() < _expiresAt - options.TokenRefreshMargin)
        {
            return _token;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}")));
        var fetch = await context.FetchAsync(request, 64 * 1024, cancellationToken).ConfigureAwait(false);
        RedditToken? token = null;
        try
        {
            token = fetch.BodyTooLarge ? null : JsonSerializer.Deserialize(fetch.Body, RedditJsonContext.Default.RedditToken);
        }
        catch (JsonException)
        {
        }

        if (string.IsNullOrEmpty(token?.AccessToken))
        {
            throw new SourceHttpException("The token endpoint answered without an access token (check the client id and secret).");
        }

        _token = token.AccessToken;
        _expiresAt = context.Time.GetUtcNow().AddSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : 3600);
        context.Logger.TokenObtained(context.Name, _expiresAt);
        return _token;
    }

    public void Invalidate() => _token = null;
}
