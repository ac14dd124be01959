using Monitro.Storage.Testing;

namespace Monitro.Tests.Storage;

/// <summary>The alerting-state contract on the in-memory store: one store per test, outliving each pipeline started on it.</summary>
public sealed class InMemoryAlertStateContractTests : AlertStateContractTests<InMemoryMonitroStore>
{
    private InMemoryMonitroStore? _store;

    protected override Task<InMemoryMonitroStore> CreateStoreAsync(TimeProvider time) => Task.FromResult(_store ??= new InMemoryMonitroStore(time));
}
