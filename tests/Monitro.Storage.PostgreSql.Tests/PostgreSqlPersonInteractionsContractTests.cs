using Monitro.Storage.Testing;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>The person-interactions contract on PostgreSQL, each test in a fresh schema of the test database.</summary>
[RequiresPostgres]
public sealed class PostgreSqlPersonInteractionsContractTests : PersonInteractionsContractTests<PostgreSqlMonitroStore>, IAsyncLifetime
{
    private TestSchema? _schema;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    protected override Task<PostgreSqlMonitroStore> CreateStoreAsync() => Task.FromResult((_schema ??= new TestSchema()).CreateStore(Time));
}
