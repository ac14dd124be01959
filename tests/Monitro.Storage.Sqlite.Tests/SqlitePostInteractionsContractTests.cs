using Monitro.Storage.Testing;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The post-interactions contract on a SQLite file in a fresh temp folder per test.</summary>
public sealed class SqlitePostInteractionsContractTests : PostInteractionsContractTests<SqliteMonitroStore>, IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override Task<SqliteMonitroStore> CreateStoreAsync() => Task.FromResult(_database.CreateStore(Time));
}
