using System.Text.RegularExpressions;
using Monitro.Orleans.PostgreSql;
using Monitro.Storage.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace Monitro.Orleans.Tests;

/// <summary>
/// The registry contract on <see cref="PostgreSqlTenantWatchRegistry"/>, each test in a fresh schema; two registries on
/// one schema; and the rows each read goes through: a slice, a slice's edits and the tenants, each found by an index.
/// </summary>
public sealed partial class PostgreSqlTenantWatchRegistryTests : TenantWatchRegistryContractTests, IAsyncLifetime
{
    private readonly string _schema = PostgresTestServer.NewSchema("registry");
    private readonly List<PostgreSqlTenantWatchRegistry> _registries = [];

    protected override string? SkipReason => PostgresTestServer.SkipReason;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var registry in _registries)
        {
            await registry.DisposeAsync();
        }

        if (PostgresTestServer.ConnectionString is { } connection)
        {
            await using var dataSource = NpgsqlDataSource.Create(connection);
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE;");
            await drop.ExecuteNonQueryAsync();
        }
    }

    [SkippableFact]
    public async Task TwoRegistriesOnOneSchema_OneSeesTheOthersEdits()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var silo1 = (PostgreSqlTenantWatchRegistry)await CreateAsync();
        var silo2 = (PostgreSqlTenantWatchRegistry)await CreateAsync();

        var version = await silo1.SetAsync("acme", new Watch { Name = "brand", Category = WatchCategory.Brand, Query = "acme" });

        Assert.Equal(version, await silo2.GetVersionAsync());
        Assert.Equal("acme", Assert.Single((await silo2.GetWatchesAsync()).Watches).Watch.Query);
        Assert.Equal("acme", Assert.Single((await silo2.GetChangesSinceAsync(version - 1, 10)).Changes).Watch!.Query);
    }

    [SkippableFact]
    public async Task GetSlice_WatchesStoredWithoutTheirKey_AreKeyedAndOneSliceOf16ReadsOnlyItsRowsFromTheKeyIndex()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var writer = (PostgreSqlTenantWatchRegistry)await CreateAsync();
        await writer.SetAsync("acme", new Watch { Name = "brand", Query = "acme" });

        // Rows as a registry from before the key kept them: without it. The next registry to start fills it in.
        await ExecuteAsync("""
            INSERT INTO tenant_watches (tenant_id, name, payload)
            SELECT 'tenant' || (i % 5), 'w' || i, jsonb_build_object('name', 'w' || i, 'query', 'brand' || i) FROM generate_series(1, 3200) AS i;
            """);
        var reader = await CreateAsync();
        var slice = new WatchSlice(3, 16);
        var watches = (await reader.GetSliceAsync(slice)).Watches;
        await ExecuteAsync("ANALYZE tenant_watches");

        var expected = Enumerable.Range(1, 3200).Select(i => ($"tenant{i % 5}", $"w{i}")).Append(("acme", "brand")).Where(w => slice.Contains(w.Item1, w.Item2)).Order().ToList();
        Assert.Equal(expected, watches.Select(w => (w.TenantId, w.Watch.Name)).Order());
        Assert.Equal(3201, (await reader.GetWatchesAsync()).Watches.Count);

        var plan = await ExplainAsync(PostgreSqlTenantWatchRegistry.SelectSlice, Bigint(slice.LowestKey), Bigint(slice.EndKey));
        var index = Assert.Single(plan, line => line.Contains("ix_tenant_watches_shard_key", StringComparison.Ordinal));
        Assert.Equal(expected.Count, RowsOf(index));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan on tenant_watches", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task GetSliceChangesSince_ReadsOnlyTheSlicesEditsFromTheKeyIndex()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = (PostgreSqlTenantWatchRegistry)await CreateAsync();
        for (var i = 0; i < 400; i++)
        {
            await registry.SetAsync($"tenant{i % 3}", new Watch { Name = $"w{i}", Query = $"brand{i}" });
        }

        await ExecuteAsync("ANALYZE tenant_watch_changes");
        var slice = new WatchSlice(5, 16);
        var edits = Enumerable.Range(0, 400).Count(i => slice.Contains($"tenant{i % 3}", $"w{i}"));
        Assert.Equal(edits, (await registry.GetSliceChangesSinceAsync(0, 1_000, slice)).Changes.Count);

        var plan = await ExplainAsync(
            PostgreSqlTenantWatchRegistry.SelectSliceChanges,
            Bigint(0),
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = 1_000 },
            Bigint(slice.LowestKey),
            Bigint(slice.EndKey));
        var index = Assert.Single(plan, line => line.Contains("ix_tenant_watch_changes_shard_key", StringComparison.Ordinal));
        Assert.Equal(edits, RowsOf(index));
    }

    [SkippableFact]
    public async Task GetTenants_ReadsOneIndexEntryPerTenantWhateverItsWatches()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = (PostgreSqlTenantWatchRegistry)await CreateAsync();
        await registry.SetAsync("acme", new Watch { Name = "brand", Query = "acme" });
        await ExecuteAsync("""
            INSERT INTO tenant_watches (tenant_id, name, payload, shard_key)
            SELECT 'tenant' || (i % 20), 'w' || i, jsonb_build_object('name', 'w' || i, 'query', 'brand' || i), 0 FROM generate_series(1, 4000) AS i;
            """);
        await ExecuteAsync("ANALYZE tenant_watches");

        Assert.Equal(10, (await registry.GetTenantsAsync("acme", 10)).Count);

        // Each probe of the primary key returns at most one row (loops: one per tenant listed), never a tenant's watches.
        var plan = await ExplainAsync(PostgreSqlTenantWatchRegistry.SelectTenants, Text("acme"), new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = 10 });
        var probes = plan.Where(line => line.Contains("on tenant_watches", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(probes);
        Assert.All(probes, line => Assert.True(RowsOf(line) <= 1, line));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan on tenant_watches", StringComparison.Ordinal));
    }

    protected override Task<ITenantWatchRegistry> CreateAsync(int changeRetention = TenantWatchChanges.DefaultRetention)
    {
        var registry = new PostgreSqlTenantWatchRegistry(new PostgreSqlStoreOptions { ConnectionString = PostgresTestServer.Require(), SchemaName = _schema }, changeRetention: changeRetention);
        _registries.Add(registry);
        return Task.FromResult<ITenantWatchRegistry>(registry);
    }

    protected override async Task SetAsync(ITenantWatchRegistry registry, string tenantId, Watch watch) =>
        await ((PostgreSqlTenantWatchRegistry)registry).SetAsync(tenantId, watch);

    protected override async Task<bool> RemoveAsync(ITenantWatchRegistry registry, string tenantId, string name) =>
        await ((PostgreSqlTenantWatchRegistry)registry).RemoveAsync(tenantId, name);

    private static NpgsqlParameter Bigint(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };

    private static NpgsqlParameter Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value };

    // The rows a plan node returned (per loop).
    private static double RowsOf(string line) => double.Parse(ActualRows().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"actual time=[0-9.]+\.\.[0-9.]+ rows=([0-9.]+)")]
    private static partial Regex ActualRows();

    private NpgsqlDataSource OpenSchema() =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(PostgresTestServer.Require()) { SearchPath = _schema }.ConnectionString);

    private async Task ExecuteAsync(string sql)
    {
        await using var dataSource = OpenSchema();
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> ExplainAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var dataSource = OpenSchema();
        await using var command = dataSource.CreateCommand("EXPLAIN ANALYZE " + sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
