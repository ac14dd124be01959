using Monitro.Storage.Testing;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The per-identity interaction totals on a SQLite file in a fresh temp folder per test.</summary>
public sealed class SqliteInteractionTotalsContractTests : InteractionTotalsContractTests<SqliteMonitroStore>, IDisposable
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
