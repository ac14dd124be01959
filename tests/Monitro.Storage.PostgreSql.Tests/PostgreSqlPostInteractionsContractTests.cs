using Monitro.Storage.Testing;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>The post-interactions contract on PostgreSQL, each test in a fresh schema of the test database (made on first use).</summary>
[RequiresPostgres]
public sealed class PostgreSqlPostInteractionsContractTests : PostInteractionsContractTests<PostgreSqlMonitroStore>, IAsyncDisposable
{
    private readonly Lazy<TestSchema> _schema = new(() => new TestSchema());

    public ValueTask DisposeAsync() => _schema.IsValueCreated ? _schema.Value.DisposeAsync() : ValueTask.CompletedTask;

    protected override Task<PostgreSqlMonitroStore> CreateStoreAsync() => Task.FromResult(_schema.Value.CreateStore(Time));
}
