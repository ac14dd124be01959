using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IMonitroQueries"/> side of the store: keyset-paged reads that run beside the writer.</summary>
public sealed partial class SqliteMonitroStore
{
    private const string SelectTimeline = """
        WITH own_identities AS (
            SELECT identity_key FROM identities WHERE person_id = $person_id
            UNION SELECT $person_id)
        SELECT p.id, p.created_at, p.payload,
               CASE WHEN p.author_id IN (SELECT identity_key FROM own_identities) THEN 0 ELSE 1 END
        FROM posts p
        WHERE p.payload IS NOT NULL
          AND (p.author_id IN (SELECT identity_key FROM own_identities)
               OR p.id IN (SELECT post_id FROM interactions WHERE person_id = $person_id AND direction = 1))
          AND ($after_time IS NULL OR (p.created_at, p.id) < ($after_time, $after_id))
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT $limit;
        """;

    // The latest snapshot of each person; the bond is compared through its bits in the token, so no rounding.
    private const string SelectTopRelationships = """
        SELECT s.person_id, s.bond, s.payload
        FROM relationship_snapshots s
        WHERE s.as_of = (SELECT MAX(l.as_of) FROM relationship_snapshots l WHERE l.person_id = s.person_id)
          AND ($after_bond IS NULL OR s.bond < $after_bond OR (s.bond = $after_bond AND s.person_id > $after_id))
        ORDER BY s.bond DESC, s.person_id
        LIMIT $limit;
        """;

    private const string SelectDeadLetters = """
        SELECT id, kind, origin, position, reason, excerpt, recorded_at
        FROM dead_letters
        WHERE id < $after_id
        ORDER BY id DESC
        LIMIT $limit;
        """;

    /// <inheritdoc/>
    public async ValueTask<Page<Mention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = PageRequests.Check(query.Page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Mentions, nameof(query));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(
                null, SelectMentionsSql(query, after is not null), "$watch_name", "$from", "$until", "$after_time", "$after_id", "$limit");
            command.Bind(
                query.WatchName,
                query.From is { } from ? UnixTime.ToMilliseconds(from) : null,
                query.Until is { } until ? UnixTime.ToMilliseconds(until) : null,
                after?.Number,
                after?.Key,
                page.PageSize + 1);
            return ReadPage(command, page.PageSize, reader =>
            {
                var id = reader.GetString(0);
                var post = PayloadSerializer.Read(reader.GetString(3), StoreJsonContext.Default.Post, "posts", id);
                var stored = PayloadSerializer.Read(reader.GetString(2), StoreJsonContext.Default.StoredMention, "mentions", id);
                return (stored.ToMention(post), new ContinuationToken(ContinuationToken.Mentions, reader.GetInt64(1), id));
            });
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Page<TimelineEntry>> GetTimelineAsync(string personId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Timeline, nameof(page));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectTimeline, "$person_id", "$after_time", "$after_id", "$limit");
            command.Bind(personId, after?.Number, after?.Key, page.PageSize + 1);
            return ReadPage(command, page.PageSize, reader =>
            {
                var id = reader.GetString(0);
                var post = PayloadSerializer.Read(reader.GetString(2), StoreJsonContext.Default.Post, "posts", id);
                var direction = reader.GetInt32(3) == 0 ? InteractionDirection.Inbound : InteractionDirection.Outbound;
                return (new TimelineEntry(post, direction), new ContinuationToken(ContinuationToken.Timeline, reader.GetInt64(1), id));
            });
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Page<RelationshipSnapshot>> GetTopRelationshipsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Relationships, nameof(page));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectTopRelationships, "$after_bond", "$after_id", "$limit");
            command.Bind(after is { } token ? BitConverter.Int64BitsToDouble(token.Number) : null, after?.Key, page.PageSize + 1);
            return ReadPage(command, page.PageSize, reader =>
            {
                var personId = reader.GetString(0);
                var snapshot = PayloadSerializer.Read(reader.GetString(2), StoreJsonContext.Default.RelationshipSnapshot, "relationship_snapshots", personId);
                var bondBits = BitConverter.DoubleToInt64Bits(reader.GetDouble(1));
                return (snapshot, new ContinuationToken(ContinuationToken.Relationships, bondBits, personId));
            });
        }
    }

    /// <inheritdoc/>
    /// <remarks>Dead letters come newest first by when they were first recorded; recording one again updates its reason and time in place.</remarks>
    public async ValueTask<Page<DeadLetter>> GetDeadLettersAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.DeadLetters, nameof(page));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectDeadLetters, "$after_id", "$limit");
            command.Bind(after?.Number ?? long.MaxValue, page.PageSize + 1);
            return ReadPage(command, page.PageSize, reader =>
            {
                var deadLetter = new DeadLetter
                {
                    Kind = reader.GetString(1),
                    Origin = reader.GetString(2),
                    Position = reader.GetString(3),
                    Reason = reader.GetString(4),
                    Excerpt = reader.GetNullableString(5),
                    RecordedAt = UnixTime.FromMilliseconds(reader.GetInt64(6)),
                };
                return (deadLetter, new ContinuationToken(ContinuationToken.DeadLetters, reader.GetInt64(0), string.Empty));
            });
        }
    }

    // Only the filters a query uses go into its SQL, so that SQLite walks the (watch, time) or the (time)
    // index from the newest row instead of testing "parameter IS NULL OR …" on every row.
    private static string SelectMentionsSql(MentionQuery query, bool continues)
    {
        var conditions = new List<string>(5) { "p.payload IS NOT NULL" };
        if (query.WatchName is not null)
        {
            conditions.Add("m.watch_name = $watch_name");
        }

        if (query.From is not null)
        {
            conditions.Add("m.created_at >= $from");
        }

        if (query.Until is not null)
        {
            conditions.Add("m.created_at < $until");
        }

        if (continues)
        {
            conditions.Add("(m.created_at, m.id) < ($after_time, $after_id)");
        }

        return $"""
            SELECT m.id, m.created_at, m.payload, p.payload
            FROM mentions m JOIN posts p ON p.id = m.post_id
            WHERE {string.Join(" AND ", conditions)}
            ORDER BY m.created_at DESC, m.id DESC
            LIMIT $limit;
            """;
    }

    // The command asks for one row more than the page holds: its presence alone says another page follows.
    private static Page<T> ReadPage<T>(SqliteCommand command, int pageSize, Func<SqliteDataReader, (T Item, ContinuationToken Token)> read)
    {
        var items = new List<T>(pageSize);
        ContinuationToken? last = null;
        var more = false;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (items.Count == pageSize)
            {
                more = true;
                break;
            }

            var (item, token) = read(reader);
            items.Add(item);
            last = token;
        }

        return new Page<T>(items, more ? last?.Encode() : null);
    }
}
