using Monitro.Storage.Testing;

namespace Monitro.Tests.Storage;

/// <summary>The due alerting state on the in-memory store (one store per test), and the rows its read visits.</summary>
public sealed class InMemoryDueAlertStateContractTests : DueAlertStateContractTests<InMemoryMonitroStore>
{
    private InMemoryMonitroStore? _store;

    [Fact]
    public async Task GetDueAlertStateAsync_ManyRowsDueLater_VisitsOnlyTheDueRows()
    {
        var store = await CreateStoreAsync();
        await SaveAsync(store, [.. Enumerable.Range(0, 2_000).Select(i => Row($"later{i}", Noon.AddHours(1 + i))), Row("due1", Noon.AddMinutes(-2)), Row("due2", Noon.AddMinutes(-1))]);

        Assert.Equal(["due1", "due2"], (await store.GetDueAlertStateAsync(Noon, 10)).Select(row => row.Scope));
        Assert.Equal(2, store.DueRowsRead);
    }

    protected override Task<InMemoryMonitroStore> CreateStoreAsync() => Task.FromResult(_store ??= new InMemoryMonitroStore(Time));
}
