using Monitro.Storage.Testing;

namespace Monitro.Tests.Storage;

/// <summary>The person-interactions contract on the in-memory store.</summary>
public sealed class InMemoryPersonInteractionsContractTests : PersonInteractionsContractTests<InMemoryMonitroStore>
{
    private InMemoryMonitroStore? _store;

    protected override Task<InMemoryMonitroStore> CreateStoreAsync() => Task.FromResult(_store ??= new InMemoryMonitroStore(Time));
}
