using System.ComponentModel.DataAnnotations;

namespace Monitro.Sources;

/// <summary>Options of a Hacker News source, which searches stories and comments through the Algolia HN Search API.</summary>
public sealed class HackerNewsSourceOptions : PollingSourceOptions
{
    /// <summary>Initializes a new instance of the <see cref="HackerNewsSourceOptions"/> class.</summary>
    public HackerNewsSourceOptions() => PollInterval = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the address of the search API.</summary>
    /// <value>The default is <c>https://hn.algolia.com/</c>.</value>
    public Uri BaseAddress { get; set; } = new("https://hn.algolia.com/");

    /// <summary>Gets or sets the search query (words the story or comment must contain).</summary>
    /// <value>The default is empty. Required.</value>
    [Required]
    public string Query { get; set; } = string.Empty;

    /// <summary>Gets or sets a value indicating whether stories are searched.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool IncludeStories { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether comments are searched.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool IncludeComments { get; set; } = true;

    /// <summary>Gets or sets how many hits are asked for per request.</summary>
    /// <value>The default is 100. Must be between 1 and 1,000.</value>
    [Range(1, 1_000)]
    public int HitsPerPage { get; set; } = 100;

    /// <summary>Gets or sets the most hits the API returns for one query; larger time windows are split until they fit.</summary>
    /// <value>The default is 1,000, the Algolia HN limit. Must be at least <see cref="HitsPerPage"/>.</value>
    public int HitCap { get; set; } = 1_000;
}
