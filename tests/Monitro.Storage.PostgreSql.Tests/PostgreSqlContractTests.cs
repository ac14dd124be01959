using Monitro.Storage.Testing;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>The store contract on PostgreSQL, each test in a fresh schema of the test database.</summary>
[RequiresPostgres]
public sealed class PostgreSqlContractTests : StoreContractTests<PostgreSqlMonitroStore>, IAsyncLifetime
{
    private TestSchema? _schema;

    private TestSchema Schema => _schema ??= new TestSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    protected override Task<PostgreSqlMonitroStore> CreateStoreAsync() => Task.FromResult(Schema.CreateStore(Time));

    protected override Task<long> CountRowsAsync(string table) => Schema.ScalarAsync($"SELECT count(*) FROM \"{table}\";");

    protected override async Task<IReadOnlyList<string>> ListTablesAsync() => await Schema.TablesAsync();

    protected override Task<IReadOnlyList<string>> FindTextAsync(string needle) => Schema.FindTextAsync(needle);
}
