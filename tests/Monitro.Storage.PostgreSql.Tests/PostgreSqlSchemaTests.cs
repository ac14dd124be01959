using Monitro.Storage.PostgreSql.Schema;

namespace Monitro.Storage.PostgreSql.Tests;

public sealed class PostgreSqlSchemaTests : SchemaPerTest
{
    [PostgresFact]
    public async Task MigrateAsync_ManyStoresStartingAtOnce_MigrateOnce()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => Schema.CreateStore()).ToList();

        await Task.WhenAll(stores.Select(store => Task.Run(async () => await store.MigrateAsync())));

        Assert.Equal(PostgreSqlSchemaMigrations.All.Count, await Schema.ScalarAsync("SELECT count(*) FROM schema_version;"));
        Assert.Equal(PostgreSqlSchemaMigrations.LatestVersion, await stores[0].GetSchemaVersionAsync());
        Assert.Contains("alert_outbox", await Schema.TablesAsync());
    }

    [PostgresFact]
    public async Task GetSchemaVersionAsync_SchemaNeverUsed_IsZero()
    {
        var store = Schema.CreateStore();

        Assert.Equal(0, await store.GetSchemaVersionAsync());
    }

    [PostgresFact]
    public async Task MigrateAsync_SchemaOfANewerMonitro_FailsWithoutChangingIt()
    {
        await Schema.CreateStore().MigrateAsync();
        await Schema.ExecuteAsync("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', 0);");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Schema.CreateStore().MigrateAsync().AsTask());

        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Equal(PostgreSqlSchemaMigrations.All.Count + 1, await Schema.ScalarAsync("SELECT count(*) FROM schema_version;"));
    }

    [PostgresFact]
    public async Task CommitAsync_TablesLiveInTheConfiguredSchemaOnly()
    {
        var store = Schema.CreateStore();

        await store.CommitAsync(Monitro.Storage.Testing.ContractModel.Batch("1", Monitro.Storage.Testing.ContractModel.Post("1", "jane")));

        Assert.Equal(
            1,
            await Schema.ScalarAsync($"SELECT count(*) FROM information_schema.tables WHERE table_name = 'posts' AND table_schema = '{Schema.Name}';"));
        Assert.Equal(Schema.Name, store.SchemaName);
    }
}
