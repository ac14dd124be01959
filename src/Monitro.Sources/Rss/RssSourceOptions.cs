using System.ComponentModel.DataAnnotations;

namespace Monitro.Sources;

/// <summary>Options of an RSS or Atom feed source (also used for Google Alerts feeds).</summary>
public sealed class RssSourceOptions : PollingSourceOptions
{
    /// <summary>Gets or sets the address of the feed.</summary>
    /// <value>The default is <see langword="null"/>. Required; an absolute http or https address. It is never logged, since feed addresses can be secrets.</value>
    public Uri? FeedUrl { get; set; }

    /// <summary>Gets or sets how many entry ids are remembered (in the checkpoint) to skip entries already delivered.</summary>
    /// <value>The default is 500. Must be between 10 and 100,000, and larger than the number of entries the feed shows at once.</value>
    [Range(10, 100_000)]
    public int SeenIdCapacity { get; set; } = 500;

    /// <summary>Gets or sets a value indicating whether Google redirect links (<c>https://www.google.com/url?...&amp;url=…</c>) are replaced by the address they lead to.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool UnwrapGoogleRedirects { get; set; } = true;
}
