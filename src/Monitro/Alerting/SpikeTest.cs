namespace Monitro.Alerting;

/// <summary>The spike statistic, shared by live alerting and the insight series: a value above its baseline's mean by more than the sensitivity's standard deviations.</summary>
internal static class SpikeTest
{
    /// <summary>Returns whether a baseline of <paramref name="watched"/> windows, of <paramref name="windows"/> asked for, has enough history: at least half of them and two.</summary>
    public static bool HasHistory(int watched, int windows) => watched >= Math.Max(2, (windows + 1) / 2);

    /// <summary>Checks a value against its baseline.</summary>
    /// <returns>The spike, or <see langword="null"/> when the value is within the threshold.</returns>
    public static (string Metric, double Observed, double Mean, double Deviation, double Threshold)? Check(string metric, double observed, IReadOnlyCollection<double> baseline, double sensitivity)
    {
        var mean = baseline.Average();
        var deviation = Math.Sqrt(baseline.Sum(v => (v - mean) * (v - mean)) / baseline.Count);
        var threshold = mean + (sensitivity * deviation);
        return observed > threshold ? (metric, observed, mean, deviation, threshold) : null;
    }

    /// <summary>Describes a spike found by <see cref="Check"/> in a window, with its baseline and summary.</summary>
    public static AlertSpike Describe((string Metric, double Observed, double Mean, double Deviation, double Threshold) found, DateTimeOffset windowStart, int baselineWindows, WatchSummary summary) => new()
    {
        WindowStart = windowStart,
        Metric = found.Metric,
        Observed = found.Observed,
        BaselineMean = found.Mean,
        BaselineStandardDeviation = found.Deviation,
        Threshold = found.Threshold,
        BaselineWindows = baselineWindows,
        Summary = summary,
    };
}
