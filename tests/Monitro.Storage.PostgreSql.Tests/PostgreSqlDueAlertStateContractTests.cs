using System.Globalization;
using System.Text.RegularExpressions;
using Monitro.Storage.Testing;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>The due alerting state on PostgreSQL, each test in a fresh schema of the test database, and the rows the read goes through.</summary>
[RequiresPostgres]
public sealed partial class PostgreSqlDueAlertStateContractTests : DueAlertStateContractTests<PostgreSqlMonitroStore>, IAsyncLifetime
{
    private TestSchema? _schema;
    private PostgreSqlMonitroStore? _store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task GetDueAlertStateAsync_ManyRowsDueLater_ReadsOnlyTheDueRowsFromTheDueIndex()
    {
        var store = await CreateStoreAsync();
        await SaveAsync(store, [.. Enumerable.Range(0, 2_000).Select(i => Row($"later{i}", Noon.AddHours(1 + i))), Row("due1", Noon.AddMinutes(-2)), Row("due2", Noon.AddMinutes(-1))]);
        Assert.Equal(2, (await store.GetDueAlertStateAsync(Noon, 10)).Count);
        await _schema!.ExecuteAsync("ANALYZE alert_state");

        var sql = PostgreSqlMonitroStore.SelectDueAlertState
            .Replace("$1", Noon.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("$2", long.MinValue.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("$3", "''", StringComparison.Ordinal)
            .Replace("$4", "''", StringComparison.Ordinal)
            .Replace("$5", "10", StringComparison.Ordinal);
        var plan = await _schema.ReadStringsAsync("EXPLAIN ANALYZE " + sql);

        // The index on the due time is read, and only the two due rows come out of it: rows due later cost no reads.
        var index = Assert.Single(plan, line => line.Contains("ix_alert_state_due", StringComparison.Ordinal));
        Assert.Equal("2", ActualRows().Match(index).Groups[1].Value);
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan on alert_state", StringComparison.Ordinal));
    }

    protected override Task<PostgreSqlMonitroStore> CreateStoreAsync() => Task.FromResult(_store ??= (_schema ??= new TestSchema()).CreateStore(Time));

    [GeneratedRegex(@"actual time=[0-9.]+\.\.[0-9.]+ rows=([0-9]+)")]
    private static partial Regex ActualRows();
}
