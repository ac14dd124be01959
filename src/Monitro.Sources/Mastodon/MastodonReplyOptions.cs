namespace Monitro.Sources;

/// <summary>Options of a Mastodon reply publisher: one of our accounts on one server.</summary>
public sealed class MastodonReplyOptions
{
    /// <summary>Gets or sets our account's server, for example <c>https://mastodon.social</c>.</summary>
    /// <value>The default is <see langword="null"/>. Required; an absolute http or https address.</value>
    public Uri? Instance { get; set; }

    /// <summary>Gets or sets the account's access token (scopes <c>read:search</c> and <c>write:statuses</c>). It is never logged.</summary>
    /// <value>The default is <see langword="null"/>. Required.</value>
    public string? AccessToken { get; set; }

    /// <summary>Gets or sets the visibility of our replies: <c>public</c>, <c>unlisted</c>, <c>private</c> or <c>direct</c>.</summary>
    /// <value>The default is <c>public</c>.</value>
    public string Visibility { get; set; } = "public";

    /// <summary>Gets or sets how many requests the publisher makes per five minutes (Mastodon's default limit is 300 per account).</summary>
    /// <value>The default is 300. Must be between 1 and 10,000.</value>
    public int RequestsPerFiveMinutes { get; set; } = 300;
}
