using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite.Schema;

/// <summary>
/// Migration 4's data step: creates the store's secret and replaces every settled alert key by its keyed hash, so
/// the file no longer holds keys that name people (a Mastodon post id holds the author's handle).
/// </summary>
internal static class SettledKeyMigration
{
    /// <summary>Creates the secret and hashes the keys settled so far.</summary>
    public static void HashSettledKeys(SqliteConnection connection, SqliteTransaction transaction)
    {
        var secret = SettledKeyHasher.NewSecret();
        using (var insert = connection.CreateCommand(transaction, "INSERT INTO store_secret (id, secret) VALUES (1, $secret);", "$secret"))
        {
            insert.Run(secret);
        }

        var hasher = new SettledKeyHasher(secret);
        var keys = new List<string>();
        using (var select = connection.CreateCommand(transaction, "SELECT key_hash FROM settled_alerts;"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }
        }

        using var update = connection.CreateCommand(transaction, "UPDATE settled_alerts SET key_hash = $hash WHERE key_hash = $key;", "$hash", "$key");
        foreach (var key in keys)
        {
            update.Run(hasher.Hash(key), key);
        }
    }

    /// <summary>Reads the store's secret.</summary>
    public static SettledKeyHasher ReadHasher(SqliteConnection connection)
    {
        using var select = connection.CreateCommand(null, "SELECT secret FROM store_secret WHERE id = 1;");
        return select.ExecuteScalar() is byte[] secret
            ? new SettledKeyHasher(secret)
            : throw new InvalidDataException("The database has no settled-key secret (table store_secret); it was changed outside Monitro.");
    }
}
