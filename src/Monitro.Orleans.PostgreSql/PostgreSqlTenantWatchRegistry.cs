using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Storage.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace Monitro.Orleans.PostgreSql;

/// <summary>
/// The watches of every tenant in one PostgreSQL schema, with a version that every edit moves in the same
/// transaction: silos in other processes and on other machines see the same watches and the same edits.
/// </summary>
/// <remarks>
/// <para>The tables come from Monitro's PostgreSQL migrations (migration 11), applied on first use. Edits are
/// serialized on the version row, so versions are gap-free and a reader sees a set and its version together.</para>
/// <para>Thread-safe. Dispose it to release the data source it created.</para>
/// </remarks>
public sealed class PostgreSqlTenantWatchRegistry : ITenantWatchRegistry, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlMonitroStore _schema;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlTenantWatchRegistry"/> class.</summary>
    /// <param name="options">The database and the schema that hold the registry, the lease store's as a rule; checked here.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is not valid; the message names it.</exception>
    public PostgreSqlTenantWatchRegistry(PostgreSqlStoreOptions options, ILogger<PostgreSqlTenantWatchRegistry>? logger = null)
    {
        _dataSource = PostgreSqlMonitroStore.CreateDataSource(options);
        _schema = new PostgreSqlMonitroStore(_dataSource, options);
        _logger = logger ?? NullLogger<PostgreSqlTenantWatchRegistry>.Instance;
    }

    /// <inheritdoc/>
    public async ValueTask<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        await _schema.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand("SELECT version FROM tenant_watch_version WHERE id = 1;");
        await using (command.ConfigureAwait(false))
        {
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<TenantWatchSet> GetWatchesAsync(CancellationToken cancellationToken = default)
    {
        await _schema.MigrateAsync(cancellationToken).ConfigureAwait(false);

        // One statement, one snapshot: the watches read are exactly those of the version read.
        var command = _dataSource.CreateCommand("""
            SELECT v.version, w.tenant_id, w.name, w.payload::text
            FROM tenant_watch_version AS v LEFT JOIN tenant_watches AS w ON true
            WHERE v.id = 1
            ORDER BY w.tenant_id, w.name;
            """);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                long version = 0;
                var watches = new List<TenantWatch>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    version = reader.GetInt64(0);
                    if (reader.IsDBNull(1))
                    {
                        continue;
                    }

                    var tenantId = reader.GetString(1);
                    var name = reader.GetString(2);
                    if (Read(reader.GetString(3)) is { } watch)
                    {
                        watches.Add(new TenantWatch(tenantId, watch));
                    }
                    else
                    {
                        _logger.RegistryWatchSkipped(tenantId, name);
                    }
                }

                return new TenantWatchSet(version, watches);
            }
        }
    }

    /// <summary>Adds a watch of a tenant, or replaces the tenant's watch of the same name, and moves the version.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="watch">The watch.</param>
    /// <param name="cancellationToken">A token that cancels the edit.</param>
    /// <returns>The version the edit made.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="watch"/> is <see langword="null"/>.</exception>
    public async ValueTask<long> SetAsync(string tenantId, Watch watch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(watch);
        return await EditAsync(
            """
            INSERT INTO tenant_watches (tenant_id, name, payload) VALUES ($1, $2, $3)
            ON CONFLICT (tenant_id, name) DO UPDATE SET payload = EXCLUDED.payload;
            """,
            [Text(tenantId), Text(watch.Name), new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(watch, MonitroJsonContext.Default.Watch) }],
            cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("The watch was not written.");
    }

    /// <summary>Removes a watch of a tenant and moves the version.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="name">The name of the watch.</param>
    /// <param name="cancellationToken">A token that cancels the edit.</param>
    /// <returns><see langword="true"/> if a watch was removed (the version moved); <see langword="false"/> if there was none.</returns>
    public async ValueTask<bool> RemoveAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return await EditAsync(
            "DELETE FROM tenant_watches WHERE tenant_id = $1 AND name = $2;",
            [Text(tenantId), Text(name)],
            cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _schema.Dispose();
        _dataSource.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _schema.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static NpgsqlParameter Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value };

    private static Watch? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, MonitroJsonContext.Default.Watch);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // Runs one edit and moves the version in the same transaction; returns the new version, or null when the edit
    // changed no row (and so the version stays). The version row is locked first, so edits are serialized.
    private async ValueTask<long?> EditAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await _schema.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var version = new NpgsqlCommand("SELECT version FROM tenant_watch_version WHERE id = 1 FOR UPDATE;", connection, transaction);
                long current;
                await using (version.ConfigureAwait(false))
                {
                    current = (long)(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                }

                var edit = new NpgsqlCommand(sql, connection, transaction);
                await using (edit.ConfigureAwait(false))
                {
                    edit.Parameters.AddRange(parameters);
                    if (await edit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        return null;
                    }
                }

                var bump = new NpgsqlCommand("UPDATE tenant_watch_version SET version = $1 WHERE id = 1;", connection, transaction);
                await using (bump.ConfigureAwait(false))
                {
                    bump.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = current + 1 });
                    await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return current + 1;
            }
        }
    }
}
