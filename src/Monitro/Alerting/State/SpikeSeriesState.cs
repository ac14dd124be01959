namespace Monitro.Alerting.State;

/// <summary>What a spike series keeps across a restart: its rule and watch, the settings it counted under, its window counts, its cool-down and its revision.</summary>
internal sealed record SpikeSeriesState
{
    public required string Rule { get; init; }

    public required Watch Watch { get; init; }

    /// <summary>Gets the rule's spike settings as <see cref="SpikeSettings.Fingerprint"/> wrote them: counts under other settings are dropped.</summary>
    public required string Settings { get; init; }

    public long FirstBucket { get; init; }

    public long CurrentBucket { get; init; }

    public long[] Buckets { get; init; } = [];

    public int[] Counts { get; init; } = [];

    public int[] Negatives { get; init; } = [];

    public DateTimeOffset? LastAlertAt { get; init; }

    /// <summary>
    /// Gets when the router took this state, as a count that only grows (across restarts too): of the rows a batch and
    /// a check stored for one series, the higher one is the later state, whichever commit landed last.
    /// </summary>
    public long Revision { get; init; }
}
