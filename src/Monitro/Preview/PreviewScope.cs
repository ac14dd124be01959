namespace Monitro;

/// <summary>Which stored posts a preview runs over: the newest ones, optionally within a time range.</summary>
public sealed record PreviewScope
{
    /// <summary>The most posts one preview may read.</summary>
    public const int MaxPostsLimit = 100_000;

    /// <summary>Gets the earliest post creation time to include, or <see langword="null"/> for no lower bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the post creation time to stop before (exclusive), or <see langword="null"/> for no upper bound.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Gets how many of the newest posts in the range to read, 1..<see cref="MaxPostsLimit"/>.</summary>
    /// <value>The default is 1,000.</value>
    public int MaxPosts { get; init; } = 1_000;

    /// <summary>Gets the most hits to return; reading stops at that many.</summary>
    /// <value>The default is 100.</value>
    public int MaxHits { get; init; } = 100;
}
