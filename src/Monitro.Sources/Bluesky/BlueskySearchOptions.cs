using System.ComponentModel.DataAnnotations;

namespace Monitro.Sources;

/// <summary>Options of a Bluesky source that polls the authenticated full-text search (<c>app.bsky.feed.searchPosts</c>), for example to backfill what Jetstream cannot replay.</summary>
/// <remarks>Bluesky asks that search not be used as a general data feed; prefer Jetstream for ongoing listening and keep the poll interval long.</remarks>
public sealed class BlueskySearchOptions : PollingSourceOptions
{
    /// <summary>Initializes a new instance of the <see cref="BlueskySearchOptions"/> class.</summary>
    public BlueskySearchOptions() => PollInterval = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the account's server (PDS), which signs in and forwards searches.</summary>
    /// <value>The default is <c>https://bsky.social/</c>.</value>
    public Uri ServiceUrl { get; set; } = new("https://bsky.social/");

    /// <summary>Gets or sets the account's handle or e-mail.</summary>
    /// <value>The default is empty. Required.</value>
    [Required]
    public string Identifier { get; set; } = string.Empty;

    /// <summary>Gets or sets an app password of the account (Settings → App passwords); never logged.</summary>
    /// <value>The default is empty. Required.</value>
    [Required]
    public string AppPassword { get; set; } = string.Empty;

    /// <summary>Gets or sets the search query (Lucene syntax is accepted).</summary>
    /// <value>The default is empty. Required.</value>
    [Required]
    public string Query { get; set; } = string.Empty;

    /// <summary>Gets or sets how many posts are asked for per request.</summary>
    /// <value>The default is 100. Must be between 1 and 100.</value>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>Gets or sets how many post URIs are remembered (in the checkpoint) to drop repeats.</summary>
    /// <value>The default is 2,000. Must be between 10 and 100,000.</value>
    [Range(10, 100_000)]
    public int SeenIdCapacity { get; set; } = 2_000;
}
