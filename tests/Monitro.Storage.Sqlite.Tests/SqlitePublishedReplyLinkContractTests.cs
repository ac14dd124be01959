using Monitro.Storage.Testing;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The published-reply link contract on a SQLite file in a fresh temp folder per test.</summary>
public sealed class SqlitePublishedReplyLinkContractTests : PublishedReplyLinkContractTests<SqliteMonitroStore>, IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly List<SqliteMonitroStore> _stores = [];

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _database.Dispose();
    }

    protected override Task<SqliteMonitroStore> CreateStoreAsync()
    {
        var store = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = _database.FilePath }, Time);
        _stores.Add(store);
        return Task.FromResult(store);
    }
}
