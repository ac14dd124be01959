using Monitro.Storage.Testing;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>The per-identity interaction totals on PostgreSQL, each test in a fresh schema of the test database.</summary>
[RequiresPostgres]
public sealed class PostgreSqlInteractionTotalsContractTests : InteractionTotalsContractTests<PostgreSqlMonitroStore>, IAsyncLifetime
{
    private TestSchema? _schema;
    private PostgreSqlMonitroStore? _store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    protected override Task<PostgreSqlMonitroStore> CreateStoreAsync() => Task.FromResult(_store ??= (_schema ??= new TestSchema()).CreateStore(Time));
}
