namespace Monitro;

/// <summary>Aggregates over stored mentions for charts: volume and sentiment over time, share of voice, top people and open items.</summary>
/// <remarks>
/// <para>Times are post creation times. The SQL stores aggregate in the database, so a query reads counts, not rows;
/// docs/insights.md lists the indexes each query uses. Retracted posts have no mentions and never count.</para>
/// <para>Implementations are thread-safe, and queries run while the pipeline writes.</para>
/// </remarks>
public interface IMonitroInsights
{
    /// <summary>Gets the mention volume and sentiment per time bucket (and per series when split).</summary>
    /// <param name="query">The period, buckets, split and filters.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The non-empty buckets, by start and then series (ordinal order).</returns>
    /// <exception cref="ArgumentException">The period is empty or spans more than <see cref="InsightBuckets.MaxBuckets"/> buckets.</exception>
    ValueTask<IReadOnlyList<VolumeBucket>> GetVolumeAsync(VolumeQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets the share of voice in a period: Brand against Competitor watches, or each watch within one category.</summary>
    /// <param name="period">The period.</param>
    /// <param name="category">The category whose watches to compare, or <see langword="null"/> to compare the Brand and Competitor categories.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The sides with mentions, most mentions first (ties by key).</returns>
    /// <exception cref="ArgumentException">The period is empty.</exception>
    ValueTask<IReadOnlyList<VoiceShare>> GetShareOfVoiceAsync(InsightPeriod period, WatchCategory? category = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the people with the most mentions in a period, with their latest relationship snapshot.</summary>
    /// <param name="period">The period.</param>
    /// <param name="limit">The most people to return, 1..100.</param>
    /// <param name="watchName">The only watch to count, or <see langword="null"/> for every watch.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The people, most mentions first (ties by person id).</returns>
    /// <exception cref="ArgumentException">The period is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is out of range.</exception>
    ValueTask<IReadOnlyList<TopPerson>> GetTopPeopleAsync(InsightPeriod period, int limit = 10, string? watchName = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the inbound posts since a time that need an answer and got none after them, oldest first.</summary>
    /// <param name="since">The earliest time to look at.</param>
    /// <param name="limit">The most items to return, 1..1000.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The open items with their age.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is out of range.</exception>
    ValueTask<IReadOnlyList<OpenItem>> GetOpenItemsAsync(DateTimeOffset since, int limit = 100, CancellationToken cancellationToken = default);
}
