using Monitro.Storage.Testing;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The due alerting state on a SQLite file in a fresh temp folder per test, and the index the read goes through.</summary>
public sealed class SqliteDueAlertStateContractTests : DueAlertStateContractTests<SqliteMonitroStore>, IDisposable
{
    private readonly TestDatabase _database = new();
    private SqliteMonitroStore? _store;

    public void Dispose()
    {
        _store?.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task GetDueAlertStateAsync_ManyRowsDueLater_ReadsARangeOfTheDueIndexNotTheTable()
    {
        var store = await CreateStoreAsync();
        await SaveAsync(store, [.. Enumerable.Range(0, 2_000).Select(i => Row($"later{i}", Noon.AddHours(1 + i))), Row("due", Noon.AddMinutes(-1))]);
        Assert.Single(await store.GetDueAlertStateAsync(Noon, 10));

        using var connection = _database.OpenConnection();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + SqliteMonitroStore.SelectDueAlertState;
        foreach (var name in new[] { "$up_to", "$after_due", "$limit" })
        {
            explain.Parameters.AddWithValue(name, 0L);
        }

        explain.Parameters.AddWithValue("$after_scope", string.Empty);
        explain.Parameters.AddWithValue("$after_item", string.Empty);
        var plan = new List<string>();
        using (var reader = explain.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        // A search of the index bounded by the moment, so rows due later are never visited; no scan of alert_state.
        Assert.Contains(plan, step => step.StartsWith("SEARCH s USING INDEX ix_alert_state_due (", StringComparison.Ordinal) && step.Contains("due_at<?", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN s", StringComparison.Ordinal));
    }

    protected override Task<SqliteMonitroStore> CreateStoreAsync() =>
        Task.FromResult(_store ??= new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = _database.FilePath }, Time));
}
