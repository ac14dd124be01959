using System.Globalization;
using Monitro.Alerting.State;

namespace Monitro.Alerting;

/// <summary>
/// The spike state of one watch under one rule: mention and negative counts per window in a ring buffer (the
/// current window and the baseline windows before it, nothing more), the mentions of the current window for the
/// "what drove it" part, and when it last alerted (the cool-down).
/// </summary>
internal sealed class SpikeSeries
{
    private readonly SpikeSettings _settings;
    private readonly long[] _bucketOf;
    private readonly int[] _counts;
    private readonly int[] _negatives;
    private readonly long _firstBucket;
    private long _currentBucket;
    private MentionTally _current;
    private DateTimeOffset? _lastAlertAt;

    /// <param name="watch">The watch.</param>
    /// <param name="settings">The rule's spike settings.</param>
    /// <param name="trackingSince">Since when mentions were counted for this watch: earlier windows are unknown, not empty.</param>
    public SpikeSeries(Watch watch, SpikeSettings settings, DateTimeOffset trackingSince)
    {
        _settings = settings;
        var length = settings.BaselineWindows + 1;
        _bucketOf = new long[length];
        Array.Fill(_bucketOf, long.MinValue);
        _counts = new int[length];
        _negatives = new int[length];
        _firstBucket = BucketOf(trackingSince);
        _currentBucket = _firstBucket;
        _current = new MentionTally(watch);
    }

    private SpikeSeries(SpikeSeriesState state, SpikeSettings settings)
        : this(state.Watch, settings, DateTimeOffset.UnixEpoch)
    {
        _firstBucket = state.FirstBucket;
        _currentBucket = state.CurrentBucket;
        _lastAlertAt = state.LastAlertAt;
        state.Buckets.AsSpan().CopyTo(_bucketOf);
        state.Counts.AsSpan().CopyTo(_counts);
        state.Negatives.AsSpan().CopyTo(_negatives);
    }

    /// <summary>Gets the watch.</summary>
    public Watch Watch => _current.Watch;

    /// <summary>Gets the window the series is in, as a number of windows since the epoch.</summary>
    public long CurrentBucket => _currentBucket;

    /// <summary>Brings back a stored series, or returns <see langword="null"/> when it was counted under other settings or has another shape.</summary>
    public static SpikeSeries? FromState(SpikeSeriesState state, SpikeSettings settings)
    {
        var length = settings.BaselineWindows + 1;
        return state.Settings == settings.Fingerprint && state.Buckets.Length == length && state.Counts.Length == length && state.Negatives.Length == length
            ? new SpikeSeries(state, settings)
            : null;
    }

    /// <summary>Gets what a restart needs to bring the series back.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <param name="revision">When the state is taken, in the router's count of saved states.</param>
    public SpikeSeriesState ToState(string ruleName, long revision) => new()
    {
        Rule = ruleName,
        Watch = _current.Watch,
        Settings = _settings.Fingerprint,
        FirstBucket = _firstBucket,
        CurrentBucket = _currentBucket,
        Buckets = [.. _bucketOf],
        Counts = [.. _counts],
        Negatives = [.. _negatives],
        LastAlertAt = _lastAlertAt,
        Revision = revision,
    };

    /// <summary>Puts a stored mention of the current window back into its summary; the counts came back with the state.</summary>
    public void RestoreMention(Mention mention) => _current.Add(mention);

    /// <summary>Counts a mention in the window of <paramref name="now"/>; returns <see langword="false"/> when it was counted before.</summary>
    public bool Add(Mention mention, DateTimeOffset now)
    {
        var bucket = MoveTo(now);
        var slot = Slot(bucket);
        if (_bucketOf[slot] != bucket)
        {
            _bucketOf[slot] = bucket;
            _counts[slot] = 0;
            _negatives[slot] = 0;
        }

        var before = _current.Count;
        _current.Add(mention);
        if (_current.Count == before)
        {
            return false;
        }

        _counts[slot]++;
        if (mention.Signals?.Sentiment.Label == SentimentLabel.Negative)
        {
            _negatives[slot]++;
        }

        return true;
    }

    /// <summary>Moves the series to the window of <paramref name="now"/> (a later window starts an empty summary).</summary>
    /// <returns>Whether the window changed.</returns>
    public bool Advance(DateTimeOffset now)
    {
        var before = _currentBucket;
        return MoveTo(now) != before;
    }

    /// <summary>
    /// Gets the next moment a check may change this series after one at <paramref name="checkedAt"/>: the end of the
    /// current window, or the end of a cool-down that falls before it (a spike it held back may alert then).
    /// </summary>
    public DateTimeOffset NextCheckAfter(DateTimeOffset checkedAt)
    {
        var end = StartOf(_currentBucket + 1);
        return _lastAlertAt is { } last && last + _settings.Cooldown is var cooled && cooled > checkedAt && cooled < end ? cooled : end;
    }

    /// <summary>Compares the current window with the baseline; returns the spike alert, or <see langword="null"/>.</summary>
    public Alert? Evaluate(string ruleName, int top, DateTimeOffset now)
    {
        var bucket = MoveTo(now);
        if (_lastAlertAt is { } last && now < last + _settings.Cooldown)
        {
            return null;
        }

        var (count, negative) = Counts(bucket);
        if (count < _settings.MinimumCount)
        {
            return null;
        }

        var volumes = new List<double>(_settings.BaselineWindows);
        var shares = new List<double>(_settings.BaselineWindows);
        for (var b = bucket - _settings.BaselineWindows; b < bucket; b++)
        {
            if (b < _firstBucket)
            {
                continue;
            }

            var (c, n) = Counts(b);
            volumes.Add(c);
            if (c > 0)
            {
                shares.Add((double)n / c);
            }
        }

        // A baseline needs history: at least half of its windows (and two) must have been watched.
        if (!SpikeTest.HasHistory(volumes.Count, _settings.BaselineWindows))
        {
            return null;
        }

        var spike = Check("volume", count, volumes);
        if (spike is null && _settings.DetectNegativeShare && shares.Count >= 2 && negative * 2 >= _settings.MinimumCount)
        {
            spike = Check("negative-share", (double)negative / count, shares);
        }

        if (spike is not { } found)
        {
            return null;
        }

        _lastAlertAt = now;
        var windowStart = StartOf(bucket);
        var summary = _current.Summarize(top);
        var watch = _current.Watch;
        return new Alert
        {
            IdempotencyKey = string.Concat("spike|", watch.Name, "|", windowStart.ToString("O", CultureInfo.InvariantCulture)),
            Kind = AlertKinds.Spike,
            RaisedAt = now,
            Title = found.Metric == "volume"
                ? string.Create(CultureInfo.InvariantCulture, $"[{watch.Name}] Spike: {count} mentions since {windowStart:HH:mm} UTC (usually {found.Mean:0.#} ± {found.Deviation:0.#})")
                : string.Create(CultureInfo.InvariantCulture, $"[{watch.Name}] Negative spike: {negative} of {count} mentions negative since {windowStart:HH:mm} UTC (usually {found.Mean:P0})"),
            Rule = ruleName,
            Spike = SpikeTest.Describe(found, windowStart, volumes.Count, summary),
        };

        (string Metric, double Observed, double Mean, double Deviation, double Threshold)? Check(string metric, double observed, List<double> baseline) =>
            SpikeTest.Check(metric, observed, baseline, _settings.Sensitivity);
    }

    private (int Count, int Negative) Counts(long bucket)
    {
        var slot = Slot(bucket);
        return _bucketOf[slot] == bucket ? (_counts[slot], _negatives[slot]) : (0, 0);
    }

    private long MoveTo(DateTimeOffset now)
    {
        var bucket = BucketOf(now);
        if (bucket > _currentBucket)
        {
            _currentBucket = bucket;
            _current = new MentionTally(_current.Watch);
        }

        return _currentBucket;
    }

    private int Slot(long bucket) => (int)(((bucket % _bucketOf.Length) + _bucketOf.Length) % _bucketOf.Length);

    private long BucketOf(DateTimeOffset time) => time.UtcTicks / _settings.Window.Ticks;

    private DateTimeOffset StartOf(long bucket) => new(bucket * _settings.Window.Ticks, TimeSpan.Zero);
}
