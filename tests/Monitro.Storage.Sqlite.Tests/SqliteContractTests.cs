using Monitro.Storage.Testing;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The store contract on a SQLite file in a fresh temp folder per test.</summary>
public sealed class SqliteContractTests : StoreContractTests<SqliteMonitroStore>, IDisposable
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

    protected override Task<long> CountRowsAsync(string table) => Task.FromResult(_database.Scalar($"SELECT count(*) FROM \"{table}\";"));

    protected override Task<IReadOnlyList<string>> ListTablesAsync() => Task.FromResult<IReadOnlyList<string>>(_database.Tables());

    protected override Task<IReadOnlyList<string>> FindTextAsync(string needle) => Task.FromResult<IReadOnlyList<string>>(_database.FindText(needle));
}
