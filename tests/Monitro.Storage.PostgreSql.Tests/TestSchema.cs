using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>A fresh schema of the test database for one test, dropped with everything in it when the test ends.</summary>
internal sealed class TestSchema : IAsyncDisposable
{
    private readonly List<PostgreSqlMonitroStore> _stores = [];
    private readonly NpgsqlDataSource _admin;

    public TestSchema()
    {
        ConnectionString = PostgresEnvironment.Require();
        Name = "t_" + Guid.NewGuid().ToString("N");
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = Name };
        _admin = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public string ConnectionString { get; }

    public string Name { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public PostgreSqlStoreOptions Options => new() { ConnectionString = ConnectionString, SchemaName = Name };

    /// <summary>Creates a store with a data source of its own (its own connections) on this schema.</summary>
    public PostgreSqlMonitroStore CreateStore(TimeProvider? time = null)
    {
        var store = new PostgreSqlMonitroStore(Options, time ?? Time);
        _stores.Add(store);
        return store;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = _admin.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = _admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<string>> ReadStringsAsync(string sql)
    {
        await using var command = _admin.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    // Left out: the tables a migration fills itself (the store's own, Orleans' named queries, the watch registry's version).
    public Task<List<string>> TablesAsync() => ReadStringsAsync(
        $"SELECT table_name::text FROM information_schema.tables WHERE table_schema = '{Name}' AND table_name NOT IN ('schema_version', 'store_secret', 'orleansquery', 'tenant_watch_version') ORDER BY 1;");

    /// <summary>Finds every table and column whose text contains <paramref name="needle"/> (case-insensitive).</summary>
    public async Task<IReadOnlyList<string>> FindTextAsync(string needle)
    {
        var hits = new List<string>();
        foreach (var table in await TablesAsync())
        {
            var columns = await ReadStringsAsync(
                $"SELECT column_name::text FROM information_schema.columns WHERE table_schema = '{Name}' AND table_name = '{table}';");
            foreach (var column in columns)
            {
                await using var command = _admin.CreateCommand(
                    $"SELECT count(*) FROM \"{table}\" WHERE strpos(lower(\"{column}\"::text), lower($1)) > 0;");
                command.Parameters.Add(new NpgsqlParameter { Value = needle });
                if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0)
                {
                    hits.Add($"{table}.{column}");
                }
            }
        }

        return hits;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE;");
        await _admin.DisposeAsync();
    }
}
