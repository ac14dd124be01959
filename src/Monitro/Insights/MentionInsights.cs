using Monitro.Alerting;

namespace Monitro;

/// <summary>
/// The insights that need the engine's text analysis on top of a store's aggregates: spikes with what drove them, and
/// a period's summary (top terms, people and posts), computed as live spike alerts and digests compute them.
/// </summary>
/// <remarks>Thread-safe. Works on any store that implements both <see cref="IMonitroInsights"/> and <see cref="IMonitroQueries"/>.</remarks>
public sealed class MentionInsights
{
    /// <summary>The most mentions one summary reads (the newest of the period).</summary>
    public const int MaxSummarized = 10_000;

    private readonly IMonitroInsights _insights;
    private readonly IMonitroQueries _queries;

    /// <summary>Initializes a new instance of the <see cref="MentionInsights"/> class.</summary>
    /// <param name="insights">The store's aggregates.</param>
    /// <param name="queries">The store's mention reads.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public MentionInsights(IMonitroInsights insights, IMonitroQueries queries)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(queries);
        _insights = insights;
        _queries = queries;
    }

    /// <summary>Finds the buckets of a period where a watch's volume, or its share of negative mentions, spiked above the buckets before.</summary>
    /// <param name="query">The watch, period, buckets and thresholds.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The spikes in time order, each with its baseline and the summary of its bucket (top posts, people and terms).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The period is empty or spans too many buckets.</exception>
    public async ValueTask<IReadOnlyList<AlertSpike>> GetSpikesAsync(SpikeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.BaselineBuckets, 2, nameof(query));
        query.Period.Check(nameof(query));
        var reach = query.Granularity switch
        {
            InsightGranularity.Hour => TimeSpan.FromHours(query.BaselineBuckets),
            InsightGranularity.Day => TimeSpan.FromDays(query.BaselineBuckets),
            _ => TimeSpan.FromDays(7 * query.BaselineBuckets),
        };
        var extended = new InsightPeriod(query.Period.From - reach, query.Period.Until);
        var boundaries = InsightBuckets.Boundaries(extended, query.Granularity, query.TimeZone);
        var counted = (await _insights.GetVolumeAsync(
            new VolumeQuery { Period = extended, Granularity = query.Granularity, TimeZone = query.TimeZone, WatchName = query.Watch.Name },
            cancellationToken).ConfigureAwait(false)).ToDictionary(b => b.Start.UtcTicks);
        var counts = boundaries.Select(b => counted.TryGetValue(b.UtcTicks, out var bucket) ? (bucket.Mentions, bucket.Negative) : (0, 0)).ToArray();

        // As with live alerts, a baseline needs watched history: it starts at the watch's first mention in reach.
        var tracked = Array.FindIndex(counts, c => c.Item1 > 0);
        var spikes = new List<AlertSpike>();
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            if (boundaries[i + 1] <= query.Period.From || counts[i].Item1 < query.MinimumCount)
            {
                continue;
            }

            var window = counts[Math.Max(tracked, i - query.BaselineBuckets)..i];
            if (!SpikeTest.HasHistory(window.Length, query.BaselineBuckets))
            {
                continue;
            }

            var (count, negative) = counts[i];
            var shares = window.Where(c => c.Item1 > 0).Select(c => (double)c.Item2 / c.Item1).ToList();
            var found = SpikeTest.Check("volume", count, [.. window.Select(c => (double)c.Item1)], query.Sensitivity)
                ?? (shares.Count >= 2 && negative * 2 >= query.MinimumCount
                    ? SpikeTest.Check("negative-share", (double)negative / count, shares, query.Sensitivity)
                    : null);
            if (found is { } spike)
            {
                var summary = await SummarizeAsync(query.Watch, new InsightPeriod(boundaries[i], boundaries[i + 1]), query.Top, cancellationToken).ConfigureAwait(false);
                spikes.Add(SpikeTest.Describe(spike, boundaries[i], window.Length, summary));
            }
        }

        return spikes;
    }

    /// <summary>Summarizes a watch's mentions in a period: counts, the most visible posts, the top people and the top terms (the watch's own words left out).</summary>
    /// <param name="watch">The watch.</param>
    /// <param name="period">The period.</param>
    /// <param name="top">How many posts, people and terms to name.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The summary of the newest <see cref="MaxSummarized"/> mentions of the period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="watch"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The period is empty.</exception>
    public async ValueTask<WatchSummary> SummarizeAsync(Watch watch, InsightPeriod period, int top = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        period.Check(nameof(period));
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var tally = new MentionTally(watch);
        var request = new PageRequest(PageRequest.MaxPageSize);
        for (var read = 0; read < MaxSummarized;)
        {
            var page = await _queries.GetMentionsAsync(
                new MentionQuery { WatchName = watch.Name, From = period.From, Until = period.Until, Page = request },
                cancellationToken).ConfigureAwait(false);
            foreach (var mention in page.Items)
            {
                tally.Add(mention);
            }

            read += page.Items.Count;
            if (page.ContinuationToken is null)
            {
                break;
            }

            request = request with { ContinuationToken = page.ContinuationToken };
        }

        return tally.Summarize(top);
    }
}
