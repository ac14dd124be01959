using Npgsql;

namespace Monitro.Storage.PostgreSql.Schema;

/// <summary>
/// Migration 3's data step: creates the store's secret and replaces every settled alert key by its keyed hash, so
/// the database no longer holds keys that name people (a Mastodon post id holds the author's handle).
/// </summary>
internal static class PostgreSqlSettledKeyMigration
{
    /// <summary>Creates the secret and hashes the keys settled so far.</summary>
    public static async ValueTask HashSettledKeysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var secret = SettledKeyHasher.NewSecret();
        using (var insert = connection.Command("INSERT INTO store_secret (id, secret) VALUES (1, $1)", SqlParameters.Bytes(secret)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var keys = new List<string>();
        using (var select = connection.Command("SELECT key_hash FROM settled_alerts"))
        {
            var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(reader.GetString(0));
                }
            }
        }

        var hasher = new SettledKeyHasher(secret);
        using var update = connection.Command(
            "UPDATE settled_alerts s SET key_hash = m.key_hash FROM unnest($1::text[], $2::text[]) AS m(idempotency_key, key_hash) WHERE s.key_hash = m.idempotency_key",
            SqlParameters.TextArray([.. keys]),
            SqlParameters.TextArray([.. keys.Select(hasher.Hash)]));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the store's secret.</summary>
    public static async ValueTask<SettledKeyHasher> ReadHasherAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var select = connection.Command("SELECT secret FROM store_secret WHERE id = 1");
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] secret
            ? new SettledKeyHasher(secret)
            : throw new InvalidDataException("The schema has no settled-key secret (table store_secret); it was changed outside Monitro.");
    }
}
