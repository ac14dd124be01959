using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>
/// The <see cref="IMonitroQueries"/> side of the in-memory store: the same keyset paging and order as the durable
/// stores (times compared in milliseconds, ties broken by id), over a scan of what is held.
/// </summary>
public sealed partial class InMemoryMonitroStore
{
    /// <inheritdoc />
    public ValueTask<Page<Mention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = PageRequests.Check(query.Page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Mentions, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var from = query.From is { } start ? Milliseconds(start) : long.MinValue;
        var until = query.Until is { } end ? Milliseconds(end) : long.MaxValue;
        lock (_gate)
        {
            var rows = _mentions.Values
                .Where(mention => _posts.TryGetValue(mention.Post.Id, out var post) && post.Post is not null)
                .Where(mention => query.WatchName is null || mention.Watch.Name == query.WatchName)
                .Select(mention => (Mention: mention, Time: Milliseconds(mention.Post.CreatedAt)))
                .Where(row => row.Time >= from && row.Time < until)
                .Where(row => after is not { } token || Before(row.Time, row.Mention.Id, token))
                .OrderByDescending(row => row.Time)
                .ThenByDescending(row => row.Mention.Id, StringComparer.Ordinal);
            return ValueTask.FromResult(ReadPage(
                rows, page.PageSize, row => (WithStoredPost(row.Mention), new ContinuationToken(ContinuationToken.Mentions, row.Time, row.Mention.Id))));
        }
    }

    /// <inheritdoc />
    /// <remarks>A person is one identity here, so the timeline holds the posts of that identity and the company's replies to it.</remarks>
    public ValueTask<Page<TimelineEntry>> GetTimelineAsync(string personId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Timeline, nameof(page));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var replies = _interactions.Values
                .Where(interaction => interaction.PersonId == personId && interaction.Direction == InteractionDirection.Outbound)
                .Select(interaction => interaction.PostId)
                .ToHashSet(StringComparer.Ordinal);
            var rows = _posts.Values
                .Select(row => row.Post)
                .OfType<Post>()
                .Where(post => post.Author.IdentityKey == personId || replies.Contains(post.Id))
                .Select(post => (Post: post, Time: Milliseconds(post.CreatedAt)))
                .Where(row => after is not { } token || Before(row.Time, row.Post.Id, token))
                .OrderByDescending(row => row.Time)
                .ThenByDescending(row => row.Post.Id, StringComparer.Ordinal);
            return ValueTask.FromResult(ReadPage(rows, page.PageSize, row =>
            {
                var direction = row.Post.Author.IdentityKey == personId ? InteractionDirection.Inbound : InteractionDirection.Outbound;
                return (new TimelineEntry(row.Post, direction), new ContinuationToken(ContinuationToken.Timeline, row.Time, row.Post.Id));
            }));
        }
    }

    /// <inheritdoc />
    /// <remarks>The bond is compared through its bits in the token, so paging never rounds it.</remarks>
    public ValueTask<Page<RelationshipSnapshot>> GetTopRelationshipsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Relationships, nameof(page));
        var afterBond = after is { } bondToken ? BitConverter.Int64BitsToDouble(bondToken.Number) : double.NaN;
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var rows = _snapshots
                .GroupBy(pair => pair.Key.PersonId, StringComparer.Ordinal)
                .Select(person => person.MaxBy(pair => pair.Key.AsOf).Value)
                .Where(snapshot => after is not { } token
                    || snapshot.Bond < afterBond
                    || (snapshot.Bond == afterBond && string.CompareOrdinal(snapshot.PersonId, token.Key) > 0))
                .OrderByDescending(snapshot => snapshot.Bond)
                .ThenBy(snapshot => snapshot.PersonId, StringComparer.Ordinal);
            return ValueTask.FromResult(ReadPage(rows, page.PageSize, snapshot =>
                (snapshot, new ContinuationToken(ContinuationToken.Relationships, BitConverter.DoubleToInt64Bits(snapshot.Bond), snapshot.PersonId))));
        }
    }

    /// <inheritdoc />
    /// <remarks>Dead letters come newest first by when they were first recorded; recording one again updates its reason and time in place.</remarks>
    public ValueTask<Page<DeadLetter>> GetDeadLettersAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.DeadLetters, nameof(page));
        var afterId = after?.Number ?? long.MaxValue;
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var rows = _deadLetters.Values
                .Where(row => row.Id < afterId)
                .OrderByDescending(row => row.Id);
            return ValueTask.FromResult(ReadPage(rows, page.PageSize, row =>
                (row.Letter, new ContinuationToken(ContinuationToken.DeadLetters, row.Id, string.Empty))));
        }
    }

    // Keyset paging in descending (time, id) order: the rows strictly after the last one read.
    private static bool Before(long time, string id, ContinuationToken after) =>
        time < after.Number || (time == after.Number && string.CompareOrdinal(id, after.Key) < 0);

    // One row more than the page holds is taken: its presence alone says another page follows.
    private static Page<TItem> ReadPage<TRow, TItem>(IEnumerable<TRow> rows, int pageSize, Func<TRow, (TItem Item, ContinuationToken Token)> read)
    {
        var taken = rows.Take(pageSize + 1).ToList();
        var items = new List<TItem>(Math.Min(taken.Count, pageSize));
        ContinuationToken? last = null;
        foreach (var row in taken.Take(pageSize))
        {
            var (item, token) = read(row);
            items.Add(item);
            last = token;
        }

        return new Page<TItem>(items, taken.Count > pageSize ? last?.Encode() : null);
    }
}
