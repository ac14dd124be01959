using Monitro.Storage.Testing;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>The published-reply link contract on PostgreSQL, each test in a fresh schema of the test database.</summary>
[RequiresPostgres]
public sealed class PostgreSqlPublishedReplyLinkContractTests : PublishedReplyLinkContractTests<PostgreSqlMonitroStore>, IAsyncLifetime
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
}
