using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IMonitroInsights"/> side of the store: aggregates computed by PostgreSQL over the insight indexes (docs/insights.md).</summary>
/// <remarks>The results are those of the SQLite store; the contract tests hold both to them.</remarks>
public sealed partial class PostgreSqlMonitroStore : IMonitroInsights
{
    private const string SelectShareOfVoice = """
        SELECT CASE WHEN $1 THEN m.watch_name ELSE m.category END, count(*)::int
        FROM mentions m
        WHERE m.created_at >= $2 AND m.created_at < $3 AND m.category = ANY($4)
        GROUP BY 1;
        """;

    private const string SelectTopPeople = """
        SELECT t.person_id, t.mentions,
               (SELECT i.handle FROM identities i WHERE i.identity_key = t.person_id),
               (SELECT s.payload::text FROM relationship_snapshots s WHERE s.person_id = t.person_id ORDER BY s.as_of DESC LIMIT 1)
        FROM (SELECT m.person_id, count(*)::int AS mentions
              FROM mentions m
              WHERE m.created_at >= $1 AND m.created_at < $2 AND m.person_id IS NOT NULL
                AND ($3::text IS NULL OR m.watch_name = $3)
              GROUP BY m.person_id
              ORDER BY mentions DESC, m.person_id
              LIMIT $4) t
        ORDER BY t.mentions DESC, t.person_id;
        """;

    // An inbound post that needs an answer, or a complaint, with no reply of ours to the person after it.
    private const string SelectOpenItems = """
        SELECT i.id, i.payload::text
        FROM interactions i
        WHERE i.occurred_at >= $1 AND i.direction = 0
          AND ((i.payload ->> 'needsResponse')::boolean
               OR EXISTS (SELECT 1 FROM jsonb_array_elements(i.payload -> 'intents') t
                          WHERE t ->> 'label' IN ('Complaint', 'ChurnRisk')))
          AND NOT EXISTS (SELECT 1 FROM interactions o
                          WHERE o.person_id = i.person_id AND o.direction = 1 AND o.occurred_at > i.occurred_at)
        ORDER BY i.occurred_at, i.id
        LIMIT $2;
        """;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<VolumeBucket>> GetVolumeAsync(VolumeQuery query, CancellationToken cancellationToken = default)
    {
        var boundaries = InsightResults.Boundaries(query);
        var bounds = InsightResults.Milliseconds(boundaries);
        var buckets = await ReadListAsync(
            VolumeSql(query.GroupBy),
            [
                BigintArray(bounds[..^1]),
                BigintArray(bounds[1..]),
                SqlParameters.Text(query.WatchName),
                SqlParameters.Text(query.Category?.ToString()),
            ],
            reader => InsightResults.Bucket(
                boundaries,
                (int)reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6)),
            cancellationToken).ConfigureAwait(false);
        return InsightResults.Order(buckets);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<VoiceShare>> GetShareOfVoiceAsync(InsightPeriod period, WatchCategory? category = null, CancellationToken cancellationToken = default)
    {
        period.Check(nameof(period));
        var sides = await ReadListAsync(
            SelectShareOfVoice,
            [
                new NpgsqlParameter { Value = category is not null, NpgsqlDbType = NpgsqlDbType.Boolean },
                SqlParameters.Long(UnixTime.ToMilliseconds(period.From)),
                SqlParameters.Long(UnixTime.ToMilliseconds(period.Until)),
                SqlParameters.TextArray(InsightResults.Categories(category)),
            ],
            reader => (reader.GetString(0), reader.GetInt32(1)),
            cancellationToken).ConfigureAwait(false);
        return InsightResults.Shares(sides);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<TopPerson>> GetTopPeopleAsync(InsightPeriod period, int limit = 10, string? watchName = null, CancellationToken cancellationToken = default)
    {
        period.Check(nameof(period));
        InsightResults.CheckLimit(limit, InsightResults.MaxPeople, nameof(limit));
        return await ReadListAsync(
            SelectTopPeople,
            [
                SqlParameters.Long(UnixTime.ToMilliseconds(period.From)),
                SqlParameters.Long(UnixTime.ToMilliseconds(period.Until)),
                SqlParameters.Text(watchName),
                SqlParameters.Int(limit),
            ],
            reader =>
            {
                var personId = reader.GetString(0);
                var snapshot = reader.IsDBNull(3)
                    ? null
                    : PayloadSerializer.Read(reader.GetString(3), StoreJsonContext.Default.RelationshipSnapshot, "relationship_snapshots", personId);
                return new TopPerson(personId, reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(1), snapshot);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<OpenItem>> GetOpenItemsAsync(DateTimeOffset since, int limit = 100, CancellationToken cancellationToken = default)
    {
        InsightResults.CheckLimit(limit, InsightResults.MaxOpenItems, nameof(limit));
        var now = _time.GetUtcNow();
        return await ReadListAsync(
            SelectOpenItems,
            [SqlParameters.Long(UnixTime.ToMilliseconds(since)), SqlParameters.Int(limit)],
            reader =>
            {
                var interaction = PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Interaction, "interactions", reader.GetString(0));
                return new OpenItem(interaction, now - interaction.OccurredAt);
            },
            cancellationToken).ConfigureAwait(false);
    }

    // The buckets go in as two arrays of bounds; PostgreSQL walks the time index once per bucket.
    private static string VolumeSql(InsightGrouping grouping)
    {
        var (group, join) = InsightResults.GroupSql(grouping);
        return $"""
            SELECT b.i - 1, coalesce({group}, ''), count(*)::int,
                   (count(*) FILTER (WHERE m.sentiment_label = 'Positive'))::int,
                   (count(*) FILTER (WHERE m.sentiment_label = 'Neutral'))::int,
                   (count(*) FILTER (WHERE m.sentiment_label = 'Negative'))::int,
                   avg(m.sentiment)
            FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY AS b (lo, hi, i)
            JOIN mentions m ON m.created_at >= b.lo AND m.created_at < b.hi
            {join}
            WHERE ($3::text IS NULL OR m.watch_name = $3) AND ($4::text IS NULL OR m.category = $4)
            GROUP BY 1, 2;
            """;
    }

    private static NpgsqlParameter BigintArray(long[] values) => new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint };

    private async ValueTask<List<T>> ReadListAsync<T>(string sql, NpgsqlParameter[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command(sql, parameters);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var rows = new List<T>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(read(reader));
                    }

                    return rows;
                }
            }
        }
    }
}
