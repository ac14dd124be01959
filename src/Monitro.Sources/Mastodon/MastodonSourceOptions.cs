using System.ComponentModel.DataAnnotations;

namespace Monitro.Sources;

/// <summary>Options of a Mastodon source: hashtag timelines of one server (any server that speaks the Mastodon API).</summary>
public sealed class MastodonSourceOptions : PollingSourceOptions
{
    /// <summary>Initializes a new instance of the <see cref="MastodonSourceOptions"/> class.</summary>
    public MastodonSourceOptions() => PollInterval = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the server, for example <c>https://mastodon.social</c>.</summary>
    /// <value>The default is <see langword="null"/>. Required; an absolute http or https address.</value>
    public Uri? Instance { get; set; }

    /// <summary>Gets the hashtags to follow, without <c>#</c>.</summary>
    /// <value>The default is empty. At least one is required.</value>
    public IList<string> Hashtags { get; } = [];

    /// <summary>Gets or sets an access token, for servers that restrict hashtag timelines to signed-in users.</summary>
    /// <value>The default is <see langword="null"/> (anonymous). The token is sent as a bearer token and never logged.</value>
    public string? AccessToken { get; set; }

    /// <summary>Gets or sets how many statuses are asked for per request.</summary>
    /// <value>The default is 40, the most Mastodon allows. Must be between 1 and 40.</value>
    [Range(1, 40)]
    public int PageSize { get; set; } = 40;

    /// <summary>Gets or sets how many status URIs are remembered (in the checkpoint) to drop a status seen under two tags.</summary>
    /// <value>The default is 2,000. Must be between 10 and 100,000.</value>
    [Range(10, 100_000)]
    public int SeenIdCapacity { get; set; } = 2_000;
}
