using Monitro.Storage.Testing;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The alerting-state contract on a SQLite file in a fresh temp folder per test: each process opens the file anew.</summary>
public sealed class SqliteAlertStateContractTests : AlertStateContractTests<SqliteMonitroStore>, IDisposable
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

    protected override Task<SqliteMonitroStore> CreateStoreAsync(TimeProvider time)
    {
        var store = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = _database.FilePath }, time);
        _stores.Add(store);
        return Task.FromResult(store);
    }
}
