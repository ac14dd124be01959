using Monitro.Storage.Testing;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The person-interactions contract on a SQLite file in a fresh temp folder per test, one store instance per test.</summary>
public sealed class SqlitePersonInteractionsContractTests : PersonInteractionsContractTests<SqliteMonitroStore>, IDisposable
{
    private readonly TestDatabase _database = new();
    private SqliteMonitroStore? _store;

    public void Dispose()
    {
        _store?.Dispose();
        _database.Dispose();
    }

    protected override Task<SqliteMonitroStore> CreateStoreAsync() =>
        Task.FromResult(_store ??= new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = _database.FilePath }, Time));
}
