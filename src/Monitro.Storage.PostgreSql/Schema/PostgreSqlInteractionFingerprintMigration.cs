using Npgsql;

namespace Monitro.Storage.PostgreSql.Schema;

/// <summary>
/// Migration 21's data step: writes the fingerprint of every stored interaction, which SQL cannot compute (XxHash3),
/// then builds the person index that covers it (building it after the update writes each index entry once).
/// </summary>
internal static class PostgreSqlInteractionFingerprintMigration
{
    // Enough ids per round trip that the round trips do not matter, few enough that a chunk's arrays stay small.
    private const int Chunk = 10_000;

    private const string SelectIds = "SELECT id FROM interactions WHERE id > $1 ORDER BY id LIMIT $2";

    private const string Update = """
        UPDATE interactions i SET fingerprint = f.fingerprint
        FROM unnest($1::text[], $2::bigint[]) AS f(id, fingerprint)
        WHERE i.id = f.id
        """;

    private const string CreatePersonIndex = "CREATE INDEX ix_interactions_person ON interactions (person_id, direction) INCLUDE (occurred_at, fingerprint)";

    /// <summary>Fills the fingerprints, a chunk of ids at a time in id order, and builds the index.</summary>
    public static async ValueTask BackfillAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var after = string.Empty;
        while (true)
        {
            var ids = new List<string>(Chunk);
            using (var select = connection.Command(SelectIds, SqlParameters.Text(after), SqlParameters.Int(Chunk)))
            {
                var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        ids.Add(reader.GetString(0));
                    }
                }
            }

            if (ids.Count == 0)
            {
                break;
            }

            using (var update = connection.Command(
                Update,
                SqlParameters.TextArray([.. ids]),
                SqlParameters.LongArray([.. ids.Select(id => unchecked((long)InteractionFingerprint.Of(id)))])))
            {
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            after = ids[^1];
        }

        using var index = connection.Command(CreatePersonIndex);
        await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
