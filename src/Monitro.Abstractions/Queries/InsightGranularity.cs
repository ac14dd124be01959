namespace Monitro;

/// <summary>The width of the time buckets of an insight series.</summary>
public enum InsightGranularity
{
    /// <summary>One bucket per hour of the time zone's clock.</summary>
    Hour = 0,

    /// <summary>One bucket per calendar day, from local midnight to local midnight (23 or 25 hours on a daylight-saving change).</summary>
    Day,

    /// <summary>One bucket per ISO week, from Monday's local midnight.</summary>
    Week,
}
