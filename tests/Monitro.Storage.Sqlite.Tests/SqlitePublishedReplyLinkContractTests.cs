using Monitro.Storage.Testing;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The published-reply link contract on a SQLite file in a fresh temp folder per test; every store of a test shares the file.</summary>
public sealed class SqlitePublishedReplyLinkContractTests : PublishedReplyLinkContractTests<SqliteMonitroStore>, IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override Task<SqliteMonitroStore> CreateStoreAsync() => Task.FromResult(_database.CreateStore(Time));
}
