namespace Monitro;

/// <summary>Which mention volume to read: a period, the bucket width and time zone, the split and optional filters.</summary>
public sealed record VolumeQuery
{
    /// <summary>Gets the period of post creation times; it is widened to whole buckets.</summary>
    public required InsightPeriod Period { get; init; }

    /// <summary>Gets the width of the buckets.</summary>
    /// <value>The default is <see cref="InsightGranularity.Day"/>.</value>
    public InsightGranularity Granularity { get; init; } = InsightGranularity.Day;

    /// <summary>Gets the time zone whose clock the buckets follow (IANA or Windows id through <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>).</summary>
    /// <value>The default is <see cref="TimeZoneInfo.Utc"/>.</value>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Gets what each bucket is split by.</summary>
    /// <value>The default is <see cref="InsightGrouping.None"/>.</value>
    public InsightGrouping GroupBy { get; init; } = InsightGrouping.None;

    /// <summary>Gets the name of the only watch to count, or <see langword="null"/> for every watch.</summary>
    public string? WatchName { get; init; }

    /// <summary>Gets the only watch category to count, or <see langword="null"/> for every category.</summary>
    public WatchCategory? Category { get; init; }
}
