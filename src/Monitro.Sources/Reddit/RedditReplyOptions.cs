namespace Monitro.Sources;

/// <summary>Options of a Reddit reply publisher: one of our Reddit users, through an OAuth app and the user's refresh token.</summary>
public sealed class RedditReplyOptions
{
    /// <summary>Gets or sets the OAuth client id of the Reddit app.</summary>
    /// <value>The default is <see langword="null"/>. Required.</value>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the OAuth client secret of the Reddit app. It is never logged.</summary>
    /// <value>The default is <see langword="null"/>. Required.</value>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Gets or sets the user's refresh token (a permanent grant with the scopes <c>submit</c>, <c>identity</c> and
    /// <c>history</c>). It is never logged.
    /// </summary>
    /// <value>The default is <see langword="null"/>. Required.</value>
    public string? RefreshToken { get; set; }

    /// <summary>Gets or sets the User-Agent sent with every request; Reddit asks for <c>platform:app-id:version (by /u/user)</c>.</summary>
    /// <value>The default is <c>Monitro/0.1 (+https://github.com/monitro/monitro)</c>. Required.</value>
    public string UserAgent { get; set; } = "Monitro/0.1 (+https://github.com/monitro/monitro)";

    /// <summary>Gets or sets the address access tokens are requested from.</summary>
    /// <value>The default is <c>https://www.reddit.com/api/v1/access_token</c>.</value>
    public Uri? TokenEndpoint { get; set; } = new("https://www.reddit.com/api/v1/access_token");

    /// <summary>Gets or sets the address of the OAuth API.</summary>
    /// <value>The default is <c>https://oauth.reddit.com/</c>.</value>
    public Uri? ApiBaseAddress { get; set; } = new("https://oauth.reddit.com/");

    /// <summary>Gets or sets how many requests the publisher makes per minute (Reddit allows 100 per OAuth client).</summary>
    /// <value>The default is 100. Must be between 1 and 600.</value>
    public int RequestsPerMinute { get; set; } = 100;

    /// <summary>Gets or sets how many of the user's newest comments a retry reads to find out whether an earlier attempt posted.</summary>
    /// <value>The default is 100, the most Reddit returns in one page. Must be between 1 and 100.</value>
    public int LookupDepth { get; set; } = 100;
}
