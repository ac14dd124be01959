namespace Monitro;

/// <summary>Splits a period into the time buckets of a time zone's clock, across daylight-saving changes.</summary>
/// <remarks>
/// Hour buckets follow the instants where the zone's clock shows a whole hour, so the repeated hour of an autumn change
/// is two buckets and the skipped hour of a spring change is none. Day and week buckets run from local midnight to
/// local midnight; where midnight does not exist the day starts at the first instant that does, and where it occurs
/// twice at the first one.
/// </remarks>
public static class InsightBuckets
{
    /// <summary>The most buckets one query may span.</summary>
    public const int MaxBuckets = 10_000;

    /// <summary>Gets the boundaries of the buckets that cover a period: bucket <c>i</c> runs from boundary <c>i</c> (inclusive) to boundary <c>i + 1</c> (exclusive).</summary>
    /// <param name="period">The period to cover.</param>
    /// <param name="granularity">The width of the buckets.</param>
    /// <param name="timeZone">The time zone whose clock the buckets follow.</param>
    /// <returns>At least two boundaries, each with the zone's offset at that instant; the first is at or before <see cref="InsightPeriod.From"/> and the last at or after <see cref="InsightPeriod.Until"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The period is empty or needs more than <see cref="MaxBuckets"/> buckets.</exception>
    public static IReadOnlyList<DateTimeOffset> Boundaries(InsightPeriod period, InsightGranularity granularity, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        period.Check(nameof(period));
        var boundaries = new List<DateTimeOffset>();
        var local = TimeZoneInfo.ConvertTime(period.From, timeZone);
        if (granularity == InsightGranularity.Hour)
        {
            var start = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
            for (var at = start; ; at = at.AddHours(1))
            {
                Add(boundaries, TimeZoneInfo.ConvertTime(at, timeZone));
                if (at >= period.Until)
                {
                    return boundaries;
                }
            }
        }

        var day = local.Date;
        var step = 1;
        if (granularity == InsightGranularity.Week)
        {
            day = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            step = 7;
        }

        for (; ; day = day.AddDays(step))
        {
            var at = LocalMidnight(day, timeZone);
            Add(boundaries, at);
            if (at >= period.Until)
            {
                return boundaries;
            }
        }
    }

    private static void Add(List<DateTimeOffset> boundaries, DateTimeOffset boundary)
    {
        if (boundaries.Count > MaxBuckets)
        {
            throw new ArgumentException($"The period spans more than {MaxBuckets} buckets; use a wider bucket or a shorter period.", nameof(boundaries));
        }

        boundaries.Add(boundary);
    }

    private static DateTimeOffset LocalMidnight(DateTime day, TimeZoneInfo timeZone)
    {
        var time = DateTime.SpecifyKind(day, DateTimeKind.Unspecified);

        // A daylight-saving gap at midnight: the day starts when the clock resumes.
        while (timeZone.IsInvalidTime(time))
        {
            time = time.AddMinutes(1);
        }

        var offset = timeZone.IsAmbiguousTime(time) ? timeZone.GetAmbiguousTimeOffsets(time).Max() : timeZone.GetUtcOffset(time);
        return new DateTimeOffset(time, offset);
    }
}
