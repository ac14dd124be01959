namespace Monitro.Sources.Reddit;

/// <summary>How a <see cref="RedditTokenProvider"/> asks for tokens: the endpoint, the app's credentials, and the grant's form fields.</summary>
/// <param name="Endpoint">The token endpoint.</param>
/// <param name="ClientId">The OAuth client id of the app.</param>
/// <param name="ClientSecret">The OAuth client secret of the app; never logged.</param>
/// <param name="UserAgent">The User-Agent to send (Reddit requires a descriptive one), or <see langword="null"/>.</param>
/// <param name="Form">The grant's form fields.</param>
internal sealed record RedditTokenGrant(Uri Endpoint, string ClientId, string ClientSecret, string? UserAgent, IReadOnlyList<KeyValuePair<string, string>> Form)
{
    /// <summary>App-only access (the source reads public listings).</summary>
    public static RedditTokenGrant ClientCredentials(Uri endpoint, string clientId, string clientSecret, string? userAgent) =>
        new(endpoint, clientId, clientSecret, userAgent, [new("grant_type", "client_credentials")]);

    /// <summary>A user's access from their refresh token (the publisher comments as that user).</summary>
    public static RedditTokenGrant RefreshToken(Uri endpoint, string clientId, string clientSecret, string? userAgent, string refreshToken) =>
        new(endpoint, clientId, clientSecret, userAgent, [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)]);

    // A record prints its members; this one holds secrets.
    public override string ToString() => $"RedditTokenGrant {{ Endpoint = {Endpoint} }}";
}
