using Monitro.Orleans.PostgreSql;
using Monitro.Storage.PostgreSql;
using Npgsql;

namespace Monitro.Orleans.Tests;

/// <summary>The registry contract on <see cref="PostgreSqlTenantWatchRegistry"/>, each test in a fresh schema; and two registries on one schema.</summary>
public sealed class PostgreSqlTenantWatchRegistryTests : TenantWatchRegistryContractTests, IAsyncLifetime
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
}
