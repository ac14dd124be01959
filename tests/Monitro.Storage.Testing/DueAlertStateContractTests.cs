using Microsoft.Extensions.Time.Testing;

namespace Monitro.Storage.Testing;

/// <summary>Alerting state rows read by their due time (<see cref="IDueAlertStateStore"/>), as every store keeps them.</summary>
/// <typeparam name="TStore">The store under test.</typeparam>
/// <remarks>Each test gets a fresh, empty database (or schema) from the derived class.</remarks>
public abstract class DueAlertStateContractTests<TStore>
    where TStore : class, IMonitroStore, IAlertStateStore, IDueAlertStateStore
{
    /// <summary>The moment the tests read at.</summary>
    protected static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(Noon);

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task GetDueAlertStateAsync_RowsDueBeforeAtAndAfterTheMoment_ReturnsThoseDueInDueOrder()
    {
        var store = await CreateStoreAsync();
        await SaveAsync(store, Row("b", Noon.AddMinutes(-1)), Row("a", Noon.AddMinutes(-5)), Row("c", Noon), Row("later", Noon.AddMilliseconds(1)), new AlertStateRow { Scope = "never", Item = "x" });

        var due = await store.GetDueAlertStateAsync(Noon, 10);

        Assert.Equal(["a", "b", "c"], due.Select(row => row.Scope));
        Assert.Equal(Noon.AddMinutes(-5), due[0].DueAt);
        Assert.Equal("payload of a", due[0].Payload);
        Assert.Equal("person-a", due[0].PersonId);
        var all = await store.GetAlertStateAsync();
        Assert.Equal(Noon.AddMilliseconds(1), all.Single(row => row.Scope == "later").DueAt);
        Assert.Null(all.Single(row => row.Scope == "never").DueAt);
    }

    [ContractFact]
    public async Task GetDueAlertStateAsync_PagesAfterTheLastRow_ReadEveryDueRowOnceInOrder()
    {
        var store = await CreateStoreAsync();
        var rows = Enumerable.Range(0, 8).Select(i => Row($"s{i % 3}", Noon.AddMinutes(-(i % 2)), item: $"i{i}")).ToArray();
        await SaveAsync(store, rows);

        var read = new List<AlertStateRow>();
        AlertStateRow? after = null;
        while (true)
        {
            var page = await store.GetDueAlertStateAsync(Noon, 3, after);
            read.AddRange(page);
            if (page.Count < 3)
            {
                break;
            }

            after = page[^1];
        }

        var expected = rows.OrderBy(row => row.DueAt).ThenBy(row => row.Scope, StringComparer.Ordinal).ThenBy(row => row.Item, StringComparer.Ordinal).Select(row => (row.Scope, row.Item));
        Assert.Equal(expected, read.Select(row => (row.Scope, row.Item)));
    }

    [ContractFact]
    public async Task GetDueAlertStateAsync_RowMovedLaterOrCleared_IsNoLongerDue()
    {
        var store = await CreateStoreAsync();
        await SaveAsync(store, Row("moved", Noon.AddMinutes(-1)), Row("cleared", Noon.AddMinutes(-1)), Row("kept", Noon.AddMinutes(-1)));

        await store.CommitAsync(new BatchCommit
        {
            SourceName = "test",
            AlertState = new AlertStateChanges { ClearedScopes = ["moved", "cleared"], Saved = [Row("moved", Noon.AddHours(1))] },
        });

        Assert.Equal(["kept"], (await store.GetDueAlertStateAsync(Noon, 10)).Select(row => row.Scope));
        Assert.Equal(["kept", "moved"], (await store.GetDueAlertStateAsync(Noon.AddHours(1), 10)).Select(row => row.Scope));
    }

    [ContractFact]
    public async Task GetDueAlertStateAsync_BadLimitOrAfterWithoutDueTime_Throws()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.GetDueAlertStateAsync(Noon, 0));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.GetDueAlertStateAsync(Noon, 1, new AlertStateRow { Scope = "s", Item = "i" }));
    }

    /// <summary>Saves rows in one commit.</summary>
    protected static async Task SaveAsync(TStore store, params AlertStateRow[] rows) =>
        await store.CommitAsync(new BatchCommit { SourceName = "test", AlertState = new AlertStateChanges { Saved = rows } });

    /// <summary>A row of its own scope falling due at a moment.</summary>
    protected static AlertStateRow Row(string scope, DateTimeOffset dueAt, string item = "next") =>
        new() { Scope = scope, Item = item, DueAt = dueAt, Payload = "payload of " + scope, PersonId = "person-" + scope };
}
