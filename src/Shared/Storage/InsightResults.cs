namespace Monitro.Storage.Shared;

/// <summary>The store-neutral parts of the insight queries: argument checks, bucket bounds and the shaping of aggregated rows.</summary>
internal static class InsightResults
{
    /// <summary>The most people one top-people query returns.</summary>
    public const int MaxPeople = 100;

    /// <summary>The most open items one query returns.</summary>
    public const int MaxOpenItems = 1_000;

    /// <summary>Checks a volume query and returns its bucket boundaries.</summary>
    public static IReadOnlyList<DateTimeOffset> Boundaries(VolumeQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return InsightBuckets.Boundaries(query.Period, query.Granularity, query.TimeZone);
    }

    /// <summary>Gets the boundaries as Unix milliseconds, the stores' time unit.</summary>
    public static long[] Milliseconds(IReadOnlyList<DateTimeOffset> boundaries) => [.. boundaries.Select(b => b.ToUnixTimeMilliseconds())];

    /// <summary>Checks a limit against its range.</summary>
    public static void CheckLimit(int limit, int max, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, paramName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, max, paramName);
    }

    /// <summary>Gets the series key of a mention for a split.</summary>
    public static string GroupOf(InsightGrouping grouping, string watchName, WatchCategory category, string source) => grouping switch
    {
        InsightGrouping.Watch => watchName,
        InsightGrouping.Category => category.ToString(),
        InsightGrouping.Source => source,
        _ => string.Empty,
    };

    /// <summary>Gets the SQL expression of a split's series key over <c>mentions m</c>, and the join it needs (the same in both SQL stores).</summary>
    public static (string Group, string Join) GroupSql(InsightGrouping grouping) => grouping switch
    {
        InsightGrouping.Watch => ("m.watch_name", string.Empty),
        InsightGrouping.Category => ("m.category", string.Empty),
        InsightGrouping.Source => ("p.source", "JOIN posts p ON p.id = m.post_id"),
        _ => ("''", string.Empty),
    };

    /// <summary>Creates the bucket of an aggregated row.</summary>
    public static VolumeBucket Bucket(IReadOnlyList<DateTimeOffset> boundaries, int index, string group, int mentions, int positive, int neutral, int negative, double? meanSentiment) => new()
    {
        Start = boundaries[index],
        Group = group,
        Mentions = mentions,
        Positive = positive,
        Neutral = neutral,
        Negative = negative,
        MeanSentiment = meanSentiment,
    };

    /// <summary>Orders buckets by start, then series.</summary>
    public static IReadOnlyList<VolumeBucket> Order(IEnumerable<VolumeBucket> buckets) =>
        [.. buckets.OrderBy(b => b.Start.UtcTicks).ThenBy(b => b.Group, StringComparer.Ordinal)];

    /// <summary>Turns counts per side into shares, most mentions first.</summary>
    public static IReadOnlyList<VoiceShare> Shares(IEnumerable<(string Key, int Mentions)> sides)
    {
        var list = sides.Where(s => s.Mentions > 0).ToList();
        double total = list.Sum(s => s.Mentions);
        return [.. list
            .OrderByDescending(s => s.Mentions)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new VoiceShare(s.Key, s.Mentions, s.Mentions / total))];
    }

    /// <summary>Gets the category names a share-of-voice query compares, or the one category whose watches it compares.</summary>
    public static string[] Categories(WatchCategory? category) =>
        category is { } one ? [one.ToString()] : [nameof(WatchCategory.Brand), nameof(WatchCategory.Competitor)];
}
