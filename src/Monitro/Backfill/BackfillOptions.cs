namespace Monitro;

/// <summary>How a watch is re-matched over stored posts.</summary>
public sealed record BackfillOptions
{
    /// <summary>Gets how many posts are read, matched and committed (with the cursor) at a time, 1..<see cref="StoredPostQuery.MaxLimit"/>.</summary>
    /// <value>The default is 500.</value>
    public int BatchSize { get; init; } = 500;

    /// <summary>Gets the earliest post creation time to re-match, or <see langword="null"/> for every stored post.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the post creation time to stop before, or <see langword="null"/> for no upper bound.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Gets the identity keys of the company's own accounts (<c>platform:handle</c>), so a post addressed to one needs an answer, as in the pipeline.</summary>
    public IReadOnlyList<string> OwnAccounts { get; init; } = [];
}
