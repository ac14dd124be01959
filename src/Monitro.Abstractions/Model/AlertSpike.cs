namespace Monitro;

/// <summary>What a spike alert measured: the current window of a watch against its own baseline, and what drove it.</summary>
public sealed record AlertSpike
{
    /// <summary>Gets what rose: <c>volume</c> (mentions per window) or <c>negative-share</c> (share of negative mentions).</summary>
    public required string Metric { get; init; }

    /// <summary>Gets the start of the current window.</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>Gets the value in the current window.</summary>
    public required double Observed { get; init; }

    /// <summary>Gets the mean of the baseline windows.</summary>
    public required double BaselineMean { get; init; }

    /// <summary>Gets the standard deviation of the baseline windows.</summary>
    public required double BaselineStandardDeviation { get; init; }

    /// <summary>Gets the threshold that was crossed: mean + k·σ.</summary>
    public required double Threshold { get; init; }

    /// <summary>Gets the number of baseline windows compared with.</summary>
    public required int BaselineWindows { get; init; }

    /// <summary>Gets the mentions of the current window: counts, top posts, top people and top terms.</summary>
    public required WatchSummary Summary { get; init; }
}
