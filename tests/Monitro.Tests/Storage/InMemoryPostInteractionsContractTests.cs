using Monitro.Storage.Testing;

namespace Monitro.Tests.Storage;

/// <summary>The post-interactions contract on the in-memory store (one store per test).</summary>
public sealed class InMemoryPostInteractionsContractTests : PostInteractionsContractTests<InMemoryMonitroStore>
{
    private InMemoryMonitroStore? _store;

    protected override Task<InMemoryMonitroStore> CreateStoreAsync() => Task.FromResult(_store ??= new InMemoryMonitroStore(Time));
}
