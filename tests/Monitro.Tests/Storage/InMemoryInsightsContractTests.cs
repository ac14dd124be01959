using Monitro.Storage.Testing;

namespace Monitro.Tests.Storage;

/// <summary>The insights contract on the in-memory store.</summary>
public sealed class InMemoryInsightsContractTests : InsightsContractTests<InMemoryMonitroStore>
{
    private InMemoryMonitroStore? _store;

    protected override Task<InMemoryMonitroStore> CreateStoreAsync() => Task.FromResult(_store ??= new InMemoryMonitroStore(Time));
}
