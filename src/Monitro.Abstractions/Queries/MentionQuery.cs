namespace Monitro;

/// <summary>Which mentions to read: a watch, a time range of the posts' creation, and a page.</summary>
public sealed record MentionQuery
{
    /// <summary>Gets the name of the watch, or <see langword="null"/> for the mentions of every watch.</summary>
    public string? WatchName { get; init; }

    /// <summary>Gets the earliest post creation time to include, or <see langword="null"/> for no lower bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the post creation time to stop before (exclusive), or <see langword="null"/> for no upper bound.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Gets the page to read.</summary>
    /// <value>The default is the first page of <see cref="PageRequest.DefaultPageSize"/> items.</value>
    public PageRequest Page { get; init; } = PageRequest.First;
}
