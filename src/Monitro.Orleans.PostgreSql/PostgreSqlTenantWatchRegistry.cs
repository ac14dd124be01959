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
/// <para>The tables come from Monitro's PostgreSQL migrations (migrations 11, 18 and 20), applied on first use. Edits are
/// serialized on the version row, so versions are gap-free and a reader sees a set and its version together. Each
/// edit also writes its change-feed row in the same transaction, and drops the rows older than the retention. Watches
/// and edits are stored with their <see cref="WatchSlice.KeyOf"/> key, indexed, so a shard's slice is one range read.</para>
/// <para>Thread-safe. Dispose it to release the data source it created.</para>
/// </remarks>
public sealed class PostgreSqlTenantWatchRegistry : ITenantWatchRegistry, IAsyncDisposable, IDisposable
{
    // A slice's watches with the version, in one snapshot; the key index finds the slice's rows and no other.
    internal const string SelectSlice = """
        SELECT v.version, w.tenant_id, w.name, w.payload::text
        FROM tenant_watch_version AS v LEFT JOIN tenant_watches AS w ON w.shard_key >= $1 AND w.shard_key < $2
        WHERE v.id = 1
        ORDER BY w.tenant_id, w.name;
        """;

    // The version, the oldest edit kept and a slice's edits after the reader's version, in one snapshot.
    internal const string SelectSliceChanges = """
        SELECT v.version, (SELECT min(version) FROM tenant_watch_changes), c.version, c.tenant_id, c.name, c.payload::text
        FROM tenant_watch_version AS v
        LEFT JOIN LATERAL (
            SELECT version, tenant_id, name, payload FROM tenant_watch_changes
            WHERE shard_key >= $3 AND shard_key < $4 AND version > $1
            ORDER BY version LIMIT $2
        ) AS c ON true
        WHERE v.id = 1
        ORDER BY c.version;
        """;

    // The tenants after one, by skipping from tenant to tenant on the primary key (tenant, name): one index probe per
    // tenant, whatever its number of watches.
    internal const string SelectTenants = """
        WITH RECURSIVE tenants (tenant_id) AS (
            (SELECT tenant_id FROM tenant_watches WHERE tenant_id > $1 ORDER BY tenant_id LIMIT 1)
            UNION ALL
            SELECT (SELECT w.tenant_id FROM tenant_watches AS w WHERE w.tenant_id > t.tenant_id ORDER BY w.tenant_id LIMIT 1)
            FROM tenants AS t
            WHERE t.tenant_id IS NOT NULL
        )
        SELECT tenant_id FROM tenants WHERE tenant_id IS NOT NULL LIMIT $2;
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlMonitroStore _schema;
    private readonly ILogger _logger;
    private readonly int _changeRetention;

    // Set once this instance found every stored watch keyed (watches stored before migration 20 get their key here).
    private volatile bool _keyed;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlTenantWatchRegistry"/> class.</summary>
    /// <param name="options">The database and the schema that hold the registry, the lease store's as a rule; checked here.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <param name="changeRetention">The number of recent edits the change feed keeps; a reader further behind loads every watch.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="changeRetention"/> is not positive.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is not valid; the message names it.</exception>
    public PostgreSqlTenantWatchRegistry(PostgreSqlStoreOptions options, ILogger<PostgreSqlTenantWatchRegistry>? logger = null, int changeRetention = TenantWatchChanges.DefaultRetention)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(changeRetention);
        _changeRetention = changeRetention;
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
    public ValueTask<TenantWatchSet> GetWatchesAsync(CancellationToken cancellationToken = default) => GetSliceAsync(WatchSlice.All, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<TenantWatchSet> GetSliceAsync(WatchSlice slice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slice);
        await ReadyAsync(cancellationToken).ConfigureAwait(false);

        // One statement, one snapshot: the watches read are exactly those of the version read, found by the key index.
        var command = _dataSource.CreateCommand(SelectSlice);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(Bigint(slice.LowestKey));
            command.Parameters.Add(Bigint(slice.EndKey));
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

    /// <inheritdoc/>
    public ValueTask<TenantWatchChanges> GetChangesSinceAsync(long version, int limit, CancellationToken cancellationToken = default) =>
        GetSliceChangesSinceAsync(version, limit, WatchSlice.All, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<TenantWatchChanges> GetSliceChangesSinceAsync(long version, int limit, WatchSlice slice, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentNullException.ThrowIfNull(slice);
        await ReadyAsync(cancellationToken).ConfigureAwait(false);

        // One statement, one snapshot: the current version, the oldest edit kept, and the slice's edits after the reader's.
        var command = _dataSource.CreateCommand(SelectSliceChanges);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(Bigint(version));
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = limit });
            command.Parameters.Add(Bigint(slice.LowestKey));
            command.Parameters.Add(Bigint(slice.EndKey));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                long current = 0;
                long? oldest = null;
                var changes = new List<TenantWatchChange>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    current = reader.GetInt64(0);
                    oldest = reader.IsDBNull(1) ? null : reader.GetInt64(1);
                    if (!reader.IsDBNull(2))
                    {
                        changes.Add(ReadChange(reader));
                    }
                }

                // Versions kept are consecutive up to the current one, so the feed reaches back exactly when it holds
                // the edit right after the reader's (or the reader is current).
                var reaches = version <= current && (version == current || oldest <= version + 1);
                return new TenantWatchChanges(current, reaches, reaches ? changes : []);
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<string>> GetTenantsAsync(string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(SelectTenants);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(Text(after ?? string.Empty));
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = limit });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var tenants = new List<string>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    tenants.Add(reader.GetString(0));
                }

                return tenants;
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
            INSERT INTO tenant_watches (tenant_id, name, payload, shard_key) VALUES ($1, $2, $3, $4)
            ON CONFLICT (tenant_id, name) DO UPDATE SET payload = EXCLUDED.payload, shard_key = EXCLUDED.shard_key;
            """,
            [Text(tenantId), Text(watch.Name), Payload(watch), Bigint(WatchSlice.KeyOf(tenantId, watch.Name))],
            (tenantId, watch.Name, watch),
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
            (tenantId, name, null),
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

    private static NpgsqlParameter Bigint(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };

    private static NpgsqlParameter Payload(Watch? watch) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Jsonb,
        Value = watch is null ? DBNull.Value : JsonSerializer.Serialize(watch, MonitroJsonContext.Default.Watch),
    };

    // A payload that no longer reads is an edit that leaves no watch, as a full load leaves it out. The columns are those
    // of SelectSliceChanges: the edit's version, tenant, name and payload from the third on.
    private TenantWatchChange ReadChange(NpgsqlDataReader reader)
    {
        var tenantId = reader.GetString(3);
        var name = reader.GetString(4);
        Watch? watch = null;
        if (!reader.IsDBNull(5) && (watch = Read(reader.GetString(5))) is null)
        {
            _logger.RegistryWatchSkipped(tenantId, name);
        }

        return new TenantWatchChange(reader.GetInt64(2), tenantId, name, watch);
    }

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

    // Runs one edit, moves the version and writes the edit to the change feed in the same transaction; returns the new
    // version, or null when the edit changed no row (and so the version stays). The version row is locked first, so
    // edits are serialized. The feed keeps the most recent edits only.
    private async ValueTask<long?> EditAsync(string sql, NpgsqlParameter[] parameters, (string TenantId, string Name, Watch? Watch) change, CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
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

                var bump = new NpgsqlCommand(
                    """
                    WITH moved AS (UPDATE tenant_watch_version SET version = $1 WHERE id = 1),
                         logged AS (INSERT INTO tenant_watch_changes (version, tenant_id, name, payload, shard_key) VALUES ($1, $2, $3, $4, $6))
                    DELETE FROM tenant_watch_changes WHERE version <= $1 - $5;
                    """,
                    connection,
                    transaction);
                await using (bump.ConfigureAwait(false))
                {
                    bump.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = current + 1 });
                    bump.Parameters.Add(Text(change.TenantId));
                    bump.Parameters.Add(Text(change.Name));
                    bump.Parameters.Add(Payload(change.Watch));
                    bump.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (long)_changeRetention });
                    bump.Parameters.Add(Bigint(WatchSlice.KeyOf(change.TenantId, change.Name)));
                    await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return current + 1;
            }
        }
    }

    // The schema is current and every watch has its key: watches stored before migration 20 have none, and the key is
    // a hash only .NET computes, so the first registry to start fills them in (idempotent if several do at once).
    private async ValueTask ReadyAsync(CancellationToken cancellationToken)
    {
        await _schema.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (_keyed)
        {
            return;
        }

        var tenants = new List<string>();
        var names = new List<string>();
        var keys = new List<long>();
        var unkeyed = _dataSource.CreateCommand("SELECT tenant_id, name FROM tenant_watches WHERE shard_key IS NULL;");
        await using (unkeyed.ConfigureAwait(false))
        {
            var reader = await unkeyed.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    tenants.Add(reader.GetString(0));
                    names.Add(reader.GetString(1));
                    keys.Add(WatchSlice.KeyOf(tenants[^1], names[^1]));
                }
            }
        }

        if (keys.Count > 0)
        {
            var fill = _dataSource.CreateCommand("""
                UPDATE tenant_watches AS w SET shard_key = u.shard_key
                FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u (tenant_id, name, shard_key)
                WHERE w.tenant_id = u.tenant_id COLLATE "C" AND w.name = u.name COLLATE "C" AND w.shard_key IS NULL;
                """);
            await using (fill.ConfigureAwait(false))
            {
                fill.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = tenants.ToArray() });
                fill.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = names.ToArray() });
                fill.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = keys.ToArray() });
                await fill.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            _logger.RegistryWatchesKeyed(keys.Count);
        }

        _keyed = true;
    }
}
