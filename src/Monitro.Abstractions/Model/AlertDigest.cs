namespace Monitro;

/// <summary>What a digest alert sums up: one window of one rule, grouped by watch.</summary>
public sealed record AlertDigest
{
    /// <summary>Gets the start of the window (inclusive).</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>Gets the end of the window (exclusive).</summary>
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>Gets one summary per watch that had mentions in the window, the busiest first.</summary>
    public IReadOnlyList<WatchSummary> Watches { get; init; } = [];
}
