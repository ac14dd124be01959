namespace Monitro;

/// <summary>Where to look for spikes of one watch, and how a spike is told from its baseline (as live spike alerts tell it).</summary>
public sealed record SpikeQuery
{
    /// <summary>Gets the watch.</summary>
    public required Watch Watch { get; init; }

    /// <summary>Gets the period whose buckets are checked; the baseline reaches back before it.</summary>
    public required InsightPeriod Period { get; init; }

    /// <summary>Gets the width of the buckets.</summary>
    /// <value>The default is <see cref="InsightGranularity.Hour"/>.</value>
    public InsightGranularity Granularity { get; init; } = InsightGranularity.Hour;

    /// <summary>Gets the time zone whose clock the buckets follow.</summary>
    /// <value>The default is <see cref="TimeZoneInfo.Utc"/>.</value>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Gets how many buckets before each one form its baseline.</summary>
    /// <value>The default is 24.</value>
    public int BaselineBuckets { get; init; } = 24;

    /// <summary>Gets how many standard deviations above the baseline's mean make a spike.</summary>
    /// <value>The default is 3.</value>
    public double Sensitivity { get; init; } = 3;

    /// <summary>Gets the fewest mentions a bucket needs to be a spike.</summary>
    /// <value>The default is 5.</value>
    public int MinimumCount { get; init; } = 5;

    /// <summary>Gets how many top posts, people and terms each spike's summary names.</summary>
    /// <value>The default is 5.</value>
    public int Top { get; init; } = 5;
}
