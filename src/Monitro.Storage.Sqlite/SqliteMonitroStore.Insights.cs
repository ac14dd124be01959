using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IMonitroInsights"/> side of the store: aggregates computed by SQLite over the insight indexes (docs/insights.md).</summary>
public sealed partial class SqliteMonitroStore : IMonitroInsights
{
    private const string SelectShareOfVoice = """
        SELECT CASE WHEN $by_watch = 1 THEN m.watch_name ELSE m.category END, count(*)
        FROM mentions m
        WHERE m.created_at >= $from AND m.created_at < $until
          AND m.category IN (SELECT value FROM json_each($categories))
        GROUP BY 1;
        """;

    private const string SelectTopPeople = """
        SELECT t.person_id, t.mentions,
               (SELECT i.handle FROM identities i WHERE i.identity_key = t.person_id),
               (SELECT s.payload FROM relationship_snapshots s WHERE s.person_id = t.person_id ORDER BY s.as_of DESC LIMIT 1)
        FROM (SELECT m.person_id, count(*) AS mentions
              FROM mentions m
              WHERE m.created_at >= $from AND m.created_at < $until AND m.person_id IS NOT NULL
                AND ($watch_name IS NULL OR m.watch_name = $watch_name)
              GROUP BY m.person_id
              ORDER BY mentions DESC, m.person_id
              LIMIT $limit) t
        ORDER BY t.mentions DESC, t.person_id;
        """;

    // An inbound post that needs an answer, or a complaint, with no reply of ours to the person after it.
    private const string SelectOpenItems = """
        SELECT i.id, i.payload
        FROM interactions i
        WHERE i.occurred_at >= $since AND i.direction = 0
          AND (json_extract(i.payload, '$.needsResponse') = 1
               OR EXISTS (SELECT 1 FROM json_each(i.payload, '$.intents') t
                          WHERE json_extract(t.value, '$.label') IN ('Complaint', 'ChurnRisk')))
          AND NOT EXISTS (SELECT 1 FROM interactions o
                          WHERE o.person_id = i.person_id AND o.direction = 1 AND o.occurred_at > i.occurred_at)
        ORDER BY i.occurred_at, i.id
        LIMIT $limit;
        """;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<VolumeBucket>> GetVolumeAsync(VolumeQuery query, CancellationToken cancellationToken = default)
    {
        var boundaries = InsightResults.Boundaries(query);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, VolumeSql(query.GroupBy), "$buckets", "$watch_name", "$category");
            command.Bind(BucketsJson(InsightResults.Milliseconds(boundaries)), query.WatchName, query.Category?.ToString());
            var buckets = new List<VolumeBucket>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                buckets.Add(InsightResults.Bucket(
                    boundaries,
                    reader.GetInt32(0),
                    reader.GetString(1),
                    reader.GetInt32(2),
                    reader.GetInt32(3),
                    reader.GetInt32(4),
                    reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetDouble(6)));
            }

            return InsightResults.Order(buckets);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<VoiceShare>> GetShareOfVoiceAsync(InsightPeriod period, WatchCategory? category = null, CancellationToken cancellationToken = default)
    {
        period.Check(nameof(period));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectShareOfVoice, "$by_watch", "$from", "$until", "$categories");
            command.Bind(
                category is null ? 0 : 1,
                UnixTime.ToMilliseconds(period.From),
                UnixTime.ToMilliseconds(period.Until),
                PayloadSerializer.Write(InsightResults.Categories(category), StoreJsonContext.Default.StringArray));
            var sides = new List<(string, int)>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sides.Add((reader.GetString(0), reader.GetInt32(1)));
            }

            return InsightResults.Shares(sides);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<TopPerson>> GetTopPeopleAsync(InsightPeriod period, int limit = 10, string? watchName = null, CancellationToken cancellationToken = default)
    {
        period.Check(nameof(period));
        InsightResults.CheckLimit(limit, InsightResults.MaxPeople, nameof(limit));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectTopPeople, "$from", "$until", "$watch_name", "$limit");
            command.Bind(UnixTime.ToMilliseconds(period.From), UnixTime.ToMilliseconds(period.Until), watchName, limit);
            var people = new List<TopPerson>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var personId = reader.GetString(0);
                var snapshot = reader.IsDBNull(3)
                    ? null
                    : PayloadSerializer.Read(reader.GetString(3), StoreJsonContext.Default.RelationshipSnapshot, "relationship_snapshots", personId);
                people.Add(new TopPerson(personId, reader.GetNullableString(2), reader.GetInt32(1), snapshot));
            }

            return people;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<OpenItem>> GetOpenItemsAsync(DateTimeOffset since, int limit = 100, CancellationToken cancellationToken = default)
    {
        InsightResults.CheckLimit(limit, InsightResults.MaxOpenItems, nameof(limit));
        var now = _time.GetUtcNow();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectOpenItems, "$since", "$limit");
            command.Bind(UnixTime.ToMilliseconds(since), limit);
            var items = new List<OpenItem>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var interaction = PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Interaction, "interactions", reader.GetString(0));
                items.Add(new OpenItem(interaction, now - interaction.OccurredAt));
            }

            return items;
        }
    }

    // The buckets go in as one JSON array of [from, until) pairs; CROSS JOIN keeps them the outer loop, so SQLite
    // walks one range of the covering time index per bucket instead of pairing every mention with every bucket.
    private static string VolumeSql(InsightGrouping grouping)
    {
        var (group, join) = InsightResults.GroupSql(grouping);
        return $"""
            WITH buckets (i, lo, hi) AS MATERIALIZED (SELECT CAST(key AS INTEGER), value ->> 0, value ->> 1 FROM json_each($buckets))
            SELECT b.i, coalesce({group}, ''), count(*),
                   count(CASE WHEN m.sentiment_label = 'Positive' THEN 1 END),
                   count(CASE WHEN m.sentiment_label = 'Neutral' THEN 1 END),
                   count(CASE WHEN m.sentiment_label = 'Negative' THEN 1 END),
                   avg(m.sentiment)
            FROM buckets b
            CROSS JOIN mentions m ON m.created_at >= b.lo AND m.created_at < b.hi
            {join}
            WHERE ($watch_name IS NULL OR m.watch_name = $watch_name) AND ($category IS NULL OR m.category = $category)
            GROUP BY 1, 2;
            """;
    }

    private static string BucketsJson(long[] bounds)
    {
        var json = new System.Text.StringBuilder("[");
        for (var i = 0; i + 1 < bounds.Length; i++)
        {
            json.Append(i == 0 ? "[" : ",[").Append(bounds[i].ToString(CultureInfo.InvariantCulture)).Append(',').Append(bounds[i + 1].ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return json.Append(']').ToString();
    }
}
