using Monitro.Storage.Testing;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>Delivered batches settled at once on PostgreSQL, each test in a fresh schema of the test database.</summary>
[RequiresPostgres]
public sealed class PostgreSqlOutboxSettlementContractTests : OutboxSettlementContractTests<PostgreSqlMonitroStore>, IAsyncLifetime
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
