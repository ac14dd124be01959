using System.Globalization;
using Npgsql;

namespace Monitro.Storage.PostgreSql.Schema;

/// <summary>Brings a schema to the latest version in one transaction, under an advisory lock so concurrent starters migrate once.</summary>
internal static class PostgreSqlSchemaMigrator
{
    /// <summary>Reads the schema version; 0 when Monitro never used the schema.</summary>
    public static async ValueTask<int> GetVersionAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        using var command = connection.Command(
            "SELECT to_regclass(quote_ident($1) || '.schema_version') IS NOT NULL;", SqlParameters.Text(schema));
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            return 0;
        }

        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        command.Parameters.Clear();
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Applies the missing migrations; returns them in order (empty when the schema was current).</summary>
    /// <exception cref="NotSupportedException">The schema is newer than this version of Monitro knows.</exception>
    public static ValueTask<IReadOnlyList<(int Version, string Description)>> MigrateAsync(
        NpgsqlConnection connection, string schema, long now, CancellationToken cancellationToken) =>
        MigrateAsync(connection, schema, now, PostgreSqlSchemaMigrations.LatestVersion, cancellationToken);

    /// <summary>Applies the missing migrations up to <paramref name="targetVersion"/> (a schema as an earlier Monitro left it, for tests of the later migrations).</summary>
    /// <exception cref="NotSupportedException">The schema is newer than this version of Monitro knows.</exception>
    public static async ValueTask<IReadOnlyList<(int Version, string Description)>> MigrateAsync(
        NpgsqlConnection connection, string schema, long now, int targetVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, PostgreSqlSchemaMigrations.LatestVersion);
        var applied = new List<(int Version, string Description)>();
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // The lock is held until the transaction ends: a second starter waits here, then finds the schema current.
            using (var command = connection.Command(
                "SELECT pg_advisory_xact_lock(hashtextextended('monitro.schema:' || $1, 0));", SqlParameters.Text(schema)))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using (var create = connection.Command($"""
                CREATE SCHEMA IF NOT EXISTS "{schema}";
                CREATE TABLE IF NOT EXISTS "{schema}".schema_version (
                    version integer NOT NULL PRIMARY KEY,
                    description text NOT NULL,
                    applied_at bigint NOT NULL
                );
                """))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var current = await GetVersionAsync(connection, schema, cancellationToken).ConfigureAwait(false);
            if (current > PostgreSqlSchemaMigrations.LatestVersion)
            {
                throw new NotSupportedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The schema '{schema}' has version {current}, newer than version {PostgreSqlSchemaMigrations.LatestVersion} that this version of Monitro knows. Upgrade Monitro or use another schema."));
            }

            foreach (var (version, description, sql, data) in PostgreSqlSchemaMigrations.All)
            {
                if (version <= current || version > targetVersion)
                {
                    continue;
                }

                using (var command = connection.Command(sql))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (data is not null)
                {
                    await data(connection, cancellationToken).ConfigureAwait(false);
                }

                using (var record = connection.Command(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3);",
                    SqlParameters.Int(version),
                    SqlParameters.Text(description),
                    SqlParameters.Long(now)))
                {
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                applied.Add((version, description));
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return applied;
    }
}
