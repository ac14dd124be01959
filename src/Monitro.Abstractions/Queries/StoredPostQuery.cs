namespace Monitro;

/// <summary>Which stored posts to read: a time range, a position to continue after, a direction and a count.</summary>
public sealed record StoredPostQuery
{
    /// <summary>The most posts one read returns.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Gets the earliest creation time to include, or <see langword="null"/> for no lower bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the creation time to stop before (exclusive), or <see langword="null"/> for no upper bound.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Gets the last post already read; the read continues after it in the chosen direction.</summary>
    public PostCursor? After { get; init; }

    /// <summary>Gets a value indicating whether the newest posts come first.</summary>
    /// <value>The default is <see langword="false"/>: oldest first.</value>
    public bool NewestFirst { get; init; }

    /// <summary>Gets the most posts to return, 1..<see cref="MaxLimit"/>.</summary>
    /// <value>The default is 500.</value>
    public int Limit { get; init; } = 500;
}
