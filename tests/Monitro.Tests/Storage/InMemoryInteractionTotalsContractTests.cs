using Monitro.Storage.Testing;

namespace Monitro.Tests.Storage;

/// <summary>The per-identity interaction totals on the in-memory store (one store per test, handed out on every call).</summary>
public sealed class InMemoryInteractionTotalsContractTests : InteractionTotalsContractTests<InMemoryMonitroStore>
{
    private InMemoryMonitroStore? _store;

    protected override Task<InMemoryMonitroStore> CreateStoreAsync() => Task.FromResult(_store ??= new InMemoryMonitroStore(Time));
}
