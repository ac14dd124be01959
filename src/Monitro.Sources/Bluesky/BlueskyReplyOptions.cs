namespace Monitro.Sources;

/// <summary>Options of a Bluesky reply publisher: one of our accounts, signed in with an app password.</summary>
public sealed class BlueskyReplyOptions
{
    /// <summary>Gets or sets the account's server (PDS), which signs in, reads the post answered and writes our reply.</summary>
    /// <value>The default is <c>https://bsky.social/</c>. An absolute http or https address.</value>
    public Uri? ServiceUrl { get; set; } = new("https://bsky.social/");

    /// <summary>Gets or sets the account's handle or e-mail.</summary>
    /// <value>The default is <see langword="null"/>. Required.</value>
    public string? Identifier { get; set; }

    /// <summary>Gets or sets an app password of the account (Settings → App passwords). It is never logged.</summary>
    /// <value>The default is <see langword="null"/>. Required.</value>
    public string? AppPassword { get; set; }

    /// <summary>Gets or sets the write points the publisher spends per hour; each reply costs 3 (Bluesky allows 5,000 per hour per account).</summary>
    /// <value>The default is 5,000. Must be between 3 and 100,000.</value>
    public int PointsPerHour { get; set; } = 5_000;
}
