using System.Data.Common;
using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IMonitroQueries"/> side of the store: keyset-paged reads that run beside the writers.</summary>
/// <remarks>The orders, filters and continuation tokens are those of the SQLite store, so a caller pages both alike.</remarks>
public sealed partial class PostgreSqlMonitroStore
{
    private const string SelectMentions = """
        SELECT m.id, m.created_at, m.payload::text, p.payload::text
        FROM mentions m JOIN posts p ON p.id = m.post_id
        WHERE ($1::text IS NULL OR m.watch_name = $1)
          AND ($2::bigint IS NULL OR m.created_at >= $2)
          AND ($3::bigint IS NULL OR m.created_at < $3)
          AND ($4::bigint IS NULL OR (m.created_at, m.id) < ($4, $5::text))
          AND p.payload IS NOT NULL
        ORDER BY m.created_at DESC, m.id DESC
        LIMIT $6;
        """;

    private const string SelectTimeline = """
        WITH own_identities AS (
            SELECT identity_key FROM identities WHERE person_id = $1
            UNION SELECT $1::text)
        SELECT p.id, p.created_at, p.payload::text,
               CASE WHEN p.author_id IN (SELECT identity_key FROM own_identities) THEN 0 ELSE 1 END
        FROM posts p
        WHERE p.payload IS NOT NULL
          AND (p.author_id IN (SELECT identity_key FROM own_identities)
               OR p.id IN (SELECT post_id FROM interactions WHERE person_id = $1 AND direction = 1))
          AND ($2::bigint IS NULL OR (p.created_at, p.id) < ($2, $3::text))
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT $4;
        """;

    // The latest snapshot of each person; the bond is compared through its bits in the token, so no rounding.
    private const string SelectTopRelationships = """
        SELECT s.person_id, s.bond, s.payload::text
        FROM relationship_snapshots s
        WHERE s.as_of = (SELECT MAX(l.as_of) FROM relationship_snapshots l WHERE l.person_id = s.person_id)
          AND ($1::double precision IS NULL OR s.bond < $1 OR (s.bond = $1 AND s.person_id > $2::text))
        ORDER BY s.bond DESC, s.person_id
        LIMIT $3;
        """;

    private const string SelectDeadLetters = """
        SELECT id, kind, origin, position, reason, excerpt, recorded_at
        FROM dead_letters
        WHERE ($1::bigint IS NULL OR id < $1)
        ORDER BY id DESC
        LIMIT $2;
        """;

    /// <inheritdoc/>
    public async ValueTask<Page<Mention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = PageRequests.Check(query.Page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Mentions, nameof(query));
        return await ReadPageAsync(
            SelectMentions,
            [
                SqlParameters.Text(query.WatchName),
                SqlParameters.Long(query.From is { } from ? UnixTime.ToMilliseconds(from) : null),
                SqlParameters.Long(query.Until is { } until ? UnixTime.ToMilliseconds(until) : null),
                SqlParameters.Long(after?.Number),
                SqlParameters.Text(after?.Key),
                SqlParameters.Int(page.PageSize + 1),
            ],
            page.PageSize,
            reader =>
            {
                var id = reader.GetString(0);
                var post = PayloadSerializer.Read(reader.GetString(3), StoreJsonContext.Default.Post, "posts", id);
                var stored = PayloadSerializer.Read(reader.GetString(2), StoreJsonContext.Default.StoredMention, "mentions", id);
                return (stored.ToMention(post), new ContinuationToken(ContinuationToken.Mentions, reader.GetInt64(1), id));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<Page<TimelineEntry>> GetTimelineAsync(string personId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Timeline, nameof(page));
        return await ReadPageAsync(
            SelectTimeline,
            [SqlParameters.Text(personId), SqlParameters.Long(after?.Number), SqlParameters.Text(after?.Key), SqlParameters.Int(page.PageSize + 1)],
            page.PageSize,
            reader =>
            {
                var id = reader.GetString(0);
                var post = PayloadSerializer.Read(reader.GetString(2), StoreJsonContext.Default.Post, "posts", id);
                var direction = reader.GetInt32(3) == 0 ? InteractionDirection.Inbound : InteractionDirection.Outbound;
                return (new TimelineEntry(post, direction), new ContinuationToken(ContinuationToken.Timeline, reader.GetInt64(1), id));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<Page<RelationshipSnapshot>> GetTopRelationshipsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Relationships, nameof(page));
        return await ReadPageAsync(
            SelectTopRelationships,
            [
                SqlParameters.Double(after is { } token ? BitConverter.Int64BitsToDouble(token.Number) : null),
                SqlParameters.Text(after?.Key),
                SqlParameters.Int(page.PageSize + 1),
            ],
            page.PageSize,
            reader =>
            {
                var personId = reader.GetString(0);
                var snapshot = PayloadSerializer.Read(reader.GetString(2), StoreJsonContext.Default.RelationshipSnapshot, "relationship_snapshots", personId);
                var bondBits = BitConverter.DoubleToInt64Bits(reader.GetDouble(1));
                return (snapshot, new ContinuationToken(ContinuationToken.Relationships, bondBits, personId));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Dead letters come newest first by when they were first recorded; recording one again updates its reason and time in place.</remarks>
    public async ValueTask<Page<DeadLetter>> GetDeadLettersAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.DeadLetters, nameof(page));
        return await ReadPageAsync(
            SelectDeadLetters,
            [SqlParameters.Long(after?.Number), SqlParameters.Int(page.PageSize + 1)],
            page.PageSize,
            reader =>
            {
                var deadLetter = new DeadLetter
                {
                    Kind = reader.GetString(1),
                    Origin = reader.GetString(2),
                    Position = reader.GetString(3),
                    Reason = reader.GetString(4),
                    Excerpt = reader.IsDBNull(5) ? null : reader.GetString(5),
                    RecordedAt = UnixTime.FromMilliseconds(reader.GetInt64(6)),
                };
                return (deadLetter, new ContinuationToken(ContinuationToken.DeadLetters, reader.GetInt64(0), string.Empty));
            },
            cancellationToken).ConfigureAwait(false);
    }

    // The query asks for one row more than the page holds: its presence alone says another page follows.
    private async ValueTask<Page<T>> ReadPageAsync<T>(
        string sql, NpgsqlParameter[] parameters, int pageSize, Func<DbDataReader, (T Item, ContinuationToken Token)> read, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.Command(sql, parameters);
            var items = new List<T>(pageSize);
            ContinuationToken? last = null;
            var more = false;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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
            }

            return new Page<T>(items, more ? last?.Encode() : null);
        }
    }
}
