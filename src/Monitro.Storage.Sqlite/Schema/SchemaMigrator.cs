using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite.Schema;

/// <summary>Brings a database to a schema version, one migration per step, each in the transaction that records it.</summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        );
        """;

    /// <summary>Reads the schema version of a database; 0 when it has none.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="transaction">The connection's open transaction, if any.</param>
    /// <returns>The version.</returns>
    public static int GetVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Applies the migrations above the database's version, up to <paramref name="targetVersion"/>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="targetVersion">The version to reach.</param>
    /// <param name="now">The time to record, in Unix milliseconds.</param>
    /// <returns>The migrations applied, in order; empty when the database was current.</returns>
    /// <exception cref="NotSupportedException">The database has a newer schema than this version of Monitro knows.</exception>
    public static IReadOnlyList<SchemaMigration> Migrate(SqliteConnection connection, int targetVersion, long now)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, SchemaMigrations.LatestVersion);
        var applied = new List<SchemaMigration>();

        // BEGIN IMMEDIATE takes the write lock first, so two processes starting together migrate once.
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = CreateVersionTable;
            create.ExecuteNonQuery();
        }

        var current = GetVersion(connection, transaction);
        if (current > SchemaMigrations.LatestVersion)
        {
            throw new NotSupportedException(string.Create(
                CultureInfo.InvariantCulture,
                $"The database has schema version {current}, newer than version {SchemaMigrations.LatestVersion} that this version of Monitro knows. Upgrade Monitro or open another database."));
        }

        foreach (var migration in SchemaMigrations.All)
        {
            if (migration.Version <= current || migration.Version > targetVersion)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = migration.Sql;
            command.ExecuteNonQuery();
            migration.Data?.Invoke(connection, transaction);

            command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, $now);";
            command.Parameters.AddWithValue("$version", migration.Version);
            command.Parameters.AddWithValue("$description", migration.Description);
            command.Parameters.AddWithValue("$now", now);
            command.ExecuteNonQuery();
            applied.Add(migration);
        }

        transaction.Commit();
        return applied;
    }
}
