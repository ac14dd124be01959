using System.ComponentModel.DataAnnotations;

namespace Monitro.Sources;

/// <summary>Options of a Reddit source: a site-wide search and/or the newest posts of subreddits, through the OAuth API with app-only credentials.</summary>
/// <remarks>Reddit requires approved API access; bring the client id and secret of an approved app.</remarks>
public sealed class RedditSourceOptions : PollingSourceOptions
{
    /// <summary>Initializes a new instance of the <see cref="RedditSourceOptions"/> class.</summary>
    public RedditSourceOptions()
    {
        PollInterval = TimeSpan.FromMinutes(2);
        RequestsPerMinute = 60;
        UserAgent = string.Empty;
    }

    /// <summary>Gets or sets the OAuth client id of the Reddit app.</summary>
    /// <value>The default is empty. Required.</value>
    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Gets or sets the OAuth client secret of the Reddit app; never logged.</summary>
    /// <value>The default is empty. Required.</value>
    [Required]
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Gets or sets the search query; when set, Reddit-wide search results (newest first) are read.</summary>
    /// <value>The default is <see langword="null"/>. At most 512 characters. This or <see cref="Subreddits"/> is required.</value>
    public string? Query { get; set; }

    /// <summary>Gets the subreddits (without <c>r/</c>) whose newest posts are read.</summary>
    /// <value>The default is empty.</value>
    public IList<string> Subreddits { get; } = [];

    /// <summary>Gets or sets the address the access token is requested from.</summary>
    /// <value>The default is <c>https://www.reddit.com/api/v1/access_token</c>.</value>
    public Uri TokenEndpoint { get; set; } = new("https://www.reddit.com/api/v1/access_token");

    /// <summary>Gets or sets the address of the OAuth API.</summary>
    /// <value>The default is <c>https://oauth.reddit.com/</c>.</value>
    public Uri ApiBaseAddress { get; set; } = new("https://oauth.reddit.com/");

    /// <summary>Gets or sets how many posts are asked for per request.</summary>
    /// <value>The default is 100, the most Reddit allows. Must be between 1 and 100.</value>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>Gets or sets how long before it expires the access token is replaced.</summary>
    /// <value>The default is five minutes. Must be between zero and 30 minutes.</value>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how many post names are remembered (in the checkpoint) to drop repeats between listings.</summary>
    /// <value>The default is 5,000. Must be between 10 and 100,000.</value>
    [Range(10, 100_000)]
    public int SeenIdCapacity { get; set; } = 5_000;
}
