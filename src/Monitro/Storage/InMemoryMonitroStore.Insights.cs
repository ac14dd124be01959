using Monitro.Relationships;
using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IMonitroInsights"/> side of the in-memory store: the same aggregates as the SQL stores, over a scan of what is held.</summary>
public sealed partial class InMemoryMonitroStore : IMonitroInsights
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<VolumeBucket>> GetVolumeAsync(VolumeQuery query, CancellationToken cancellationToken = default)
    {
        var boundaries = InsightResults.Boundaries(query);
        var bounds = InsightResults.Milliseconds(boundaries);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var rows = _mentions.Values
                .Where(m => query.WatchName is null || m.Watch.Name == query.WatchName)
                .Where(m => query.Category is null || m.Watch.Category == query.Category)
                .Select(m => (Mention: m, Index: Array.BinarySearch(bounds, Milliseconds(m.Post.CreatedAt))))
                .Select(row => (row.Mention, Index: row.Index >= 0 ? row.Index : ~row.Index - 1))
                .Where(row => row.Index >= 0 && row.Index < bounds.Length - 1)
                .GroupBy(row => (row.Index, Group: InsightResults.GroupOf(query.GroupBy, row.Mention.Watch.Name, row.Mention.Watch.Category, row.Mention.Post.Source)))
                .Select(group =>
                {
                    var scores = group.Select(row => row.Mention.Signals?.Sentiment).OfType<SentimentScore>().ToList();
                    return InsightResults.Bucket(
                        boundaries,
                        group.Key.Index,
                        group.Key.Group,
                        group.Count(),
                        scores.Count(s => s.Label == SentimentLabel.Positive),
                        scores.Count(s => s.Label == SentimentLabel.Neutral),
                        scores.Count(s => s.Label == SentimentLabel.Negative),
                        scores.Count == 0 ? null : scores.Average(s => s.Compound));
                });
            return ValueTask.FromResult(InsightResults.Order(rows));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<VoiceShare>> GetShareOfVoiceAsync(InsightPeriod period, WatchCategory? category = null, CancellationToken cancellationToken = default)
    {
        period.Check(nameof(period));
        cancellationToken.ThrowIfCancellationRequested();
        var categories = InsightResults.Categories(category);
        lock (_gate)
        {
            var sides = InPeriod(period)
                .Where(m => categories.Contains(m.Watch.Category.ToString()))
                .GroupBy(m => category is null ? m.Watch.Category.ToString() : m.Watch.Name, StringComparer.Ordinal)
                .Select(group => (group.Key, group.Count()));
            return ValueTask.FromResult(InsightResults.Shares(sides));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TopPerson>> GetTopPeopleAsync(InsightPeriod period, int limit = 10, string? watchName = null, CancellationToken cancellationToken = default)
    {
        period.Check(nameof(period));
        InsightResults.CheckLimit(limit, InsightResults.MaxPeople, nameof(limit));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var people = InPeriod(period)
                .Where(m => watchName is null || m.Watch.Name == watchName)
                .GroupBy(m => m.Post.Author.IdentityKey, StringComparer.Ordinal)
                .OrderByDescending(group => group.Count())
                .ThenBy(group => group.Key, StringComparer.Ordinal)
                .Take(limit)
                .Select(group => new TopPerson(
                    group.Key,
                    _identities.TryGetValue(group.Key, out var identity) ? identity.Author.Handle : null,
                    group.Count(),
                    _snapshots.Values.Where(s => s.PersonId == group.Key).MaxBy(s => s.AsOf)));
            return ValueTask.FromResult<IReadOnlyList<TopPerson>>([.. people]);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OpenItem>> GetOpenItemsAsync(DateTimeOffset since, int limit = 100, CancellationToken cancellationToken = default)
    {
        InsightResults.CheckLimit(limit, InsightResults.MaxOpenItems, nameof(limit));
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        var from = Milliseconds(since);
        lock (_gate)
        {
            var answeredUntil = _interactions.Values
                .Where(i => i.Direction == InteractionDirection.Outbound)
                .GroupBy(i => i.PersonId, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Max(i => Milliseconds(i.OccurredAt)), StringComparer.Ordinal);
            var items = _interactions.Values
                .Where(i => i.Direction == InteractionDirection.Inbound && Milliseconds(i.OccurredAt) >= from)
                .Where(i => i.NeedsResponse || ResponseLedger.IsComplaint(i))
                .Where(i => !answeredUntil.TryGetValue(i.PersonId, out var last) || last <= Milliseconds(i.OccurredAt))
                .OrderBy(i => Milliseconds(i.OccurredAt))
                .ThenBy(i => i.Id, StringComparer.Ordinal)
                .Take(limit)
                .Select(i => new OpenItem(i, now - i.OccurredAt));
            return ValueTask.FromResult<IReadOnlyList<OpenItem>>([.. items]);
        }
    }

    private IEnumerable<Mention> InPeriod(InsightPeriod period)
    {
        var from = Milliseconds(period.From);
        var until = Milliseconds(period.Until);
        return _mentions.Values.Where(m => Milliseconds(m.Post.CreatedAt) >= from && Milliseconds(m.Post.CreatedAt) < until);
    }
}
