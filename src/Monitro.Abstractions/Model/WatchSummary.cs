namespace Monitro;

/// <summary>The mentions of one watch in one window: counts, the top posts, the top people and the top terms.</summary>
public sealed record WatchSummary
{
    /// <summary>Gets the watch.</summary>
    public required Watch Watch { get; init; }

    /// <summary>Gets the number of mentions.</summary>
    public required int Mentions { get; init; }

    /// <summary>Gets the number of mentions with negative sentiment.</summary>
    public int Negative { get; init; }

    /// <summary>Gets the number of mentions with positive sentiment.</summary>
    public int Positive { get; init; }

    /// <summary>Gets the most visible mentions (by the author's followers, then newest first).</summary>
    public IReadOnlyList<Mention> TopPosts { get; init; } = [];

    /// <summary>Gets the people who mentioned the watch most often; the key is the identity key.</summary>
    public IReadOnlyList<RankedCount> TopPeople { get; init; } = [];

    /// <summary>Gets the words that came up most often in the mentions.</summary>
    public IReadOnlyList<RankedCount> TopTerms { get; init; } = [];
}
