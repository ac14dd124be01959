namespace Monitro;

/// <summary>The mentions of one series in one time bucket, with their sentiment.</summary>
/// <remarks>
/// <see cref="Positive"/>, <see cref="Neutral"/> and <see cref="Negative"/> count the mentions with a sentiment; a mention
/// stored before enrichment counts only in <see cref="Mentions"/>.
/// </remarks>
public sealed record VolumeBucket
{
    /// <summary>Gets the start of the bucket, in the query's time zone (its offset at that instant).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Gets the series: the watch name, category name or source, or the empty string without a split.</summary>
    public required string Group { get; init; }

    /// <summary>Gets the number of mentions.</summary>
    public required int Mentions { get; init; }

    /// <summary>Gets the number of mentions labelled positive.</summary>
    public int Positive { get; init; }

    /// <summary>Gets the number of mentions labelled neutral.</summary>
    public int Neutral { get; init; }

    /// <summary>Gets the number of mentions labelled negative.</summary>
    public int Negative { get; init; }

    /// <summary>Gets the mean compound sentiment (−1..+1) of the mentions with a sentiment, or <see langword="null"/> when none has one.</summary>
    public double? MeanSentiment { get; init; }
}
