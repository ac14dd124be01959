namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The settings every connection of the store runs with.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task OpenAsync_KeepsTemporaryDataInMemoryAndZeroesDeletedRows()
    {
        var store = _database.CreateStore();

        var connection = await store.OpenAsync(CancellationToken.None);
        await using (connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA temp_store;";
            Assert.Equal(2L, command.ExecuteScalar()); // 2 = MEMORY: statement journals never reach a temporary file
            command.CommandText = "PRAGMA secure_delete;";
            Assert.Equal(1L, command.ExecuteScalar());
        }
    }
}
