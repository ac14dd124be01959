namespace Monitro;

/// <summary>How a platform counts the length of a post.</summary>
public enum ReplyLengthUnit
{
    /// <summary>Unicode code points (Mastodon, Reddit).</summary>
    CodePoints,

    /// <summary>User-perceived characters, grapheme clusters (Bluesky).</summary>
    Graphemes,
}
