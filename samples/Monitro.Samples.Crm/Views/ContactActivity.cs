namespace Monitro.Samples.Crm.Views;

/// <summary>A contact's interactions per day over the last weeks, read from Monitro's store for the contact's chart.</summary>
public static class ContactActivity
{
    /// <summary>How far back the chart looks.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(28);

    /// <summary>Reads the interactions of every identity of the contact in the <see cref="Span"/> before <paramref name="now"/>, one bucket per UTC day.</summary>
    public static async Task<IReadOnlyList<ActivityBucket>> ReadAsync(
        IPersonInteractionHistory store, IReadOnlyCollection<string> identityKeys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(identityKeys);
        var boundaries = InsightBuckets.Boundaries(new InsightPeriod(now - Span, now), InsightGranularity.Day, TimeZoneInfo.Utc);
        var period = new InsightPeriod(boundaries[0], boundaries[^1]);
        var interactions = new List<Interaction>();
        foreach (var identityKey in identityKeys)
        {
            interactions.AddRange((await ReadHistoryAsync(store, identityKey, cancellationToken))
                .Where(interaction => interaction.OccurredAt >= period.From && interaction.OccurredAt < period.Until));
        }

        return Bucket(interactions, boundaries);
    }

    /// <summary>Reads every stored interaction of one identity, oldest first, page by page (one contact has few enough to read whole).</summary>
    public static async Task<IReadOnlyList<Interaction>> ReadHistoryAsync(IPersonInteractionHistory store, string identityKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var interactions = new List<Interaction>();
        var page = new PageRequest(PageRequest.MaxPageSize);
        while (true)
        {
            var read = await store.GetInteractionsOfAsync(identityKey, page, cancellationToken);
            interactions.AddRange(read.Items.Select(static recorded => recorded.Interaction));
            if (read.ContinuationToken is null)
            {
                return interactions;
            }

            page = page with { ContinuationToken = read.ContinuationToken };
        }
    }

    /// <summary>Counts interactions per bucket (between consecutive boundaries) with the mean tone of the inbound ones; empty buckets included.</summary>
    public static IReadOnlyList<ActivityBucket> Bucket(IEnumerable<Interaction> interactions, IReadOnlyList<DateTimeOffset> boundaries)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(boundaries);
        var byBucket = interactions.ToLookup(interaction => BucketOf(interaction.OccurredAt, boundaries));
        var buckets = new List<ActivityBucket>(boundaries.Count - 1);
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            var inBucket = byBucket[i].ToList();
            var inbound = inBucket.Where(interaction => interaction.Direction == InteractionDirection.Inbound).ToList();
            var tones = inbound.Where(interaction => interaction.Sentiment is not null).Select(interaction => interaction.Sentiment!.Value).ToList();
            buckets.Add(new ActivityBucket(boundaries[i], inbound.Count, inBucket.Count - inbound.Count, tones.Count > 0 ? tones.Average() : null));
        }

        return buckets;
    }

    // The index of the bucket holding the time, or -1 outside them all.
    private static int BucketOf(DateTimeOffset time, IReadOnlyList<DateTimeOffset> boundaries)
    {
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            if (time >= boundaries[i] && time < boundaries[i + 1])
            {
                return i;
            }
        }

        return -1;
    }
}
