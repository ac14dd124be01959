using Monitro.Storage.Testing;

namespace Monitro.Tests.Storage;

/// <summary>The backfill contract on the in-memory store.</summary>
public sealed class InMemoryBackfillContractTests : BackfillContractTests<InMemoryMonitroStore>
{
    private InMemoryMonitroStore? _store;

    protected override Task<InMemoryMonitroStore> CreateStoreAsync() => Task.FromResult(_store ??= new InMemoryMonitroStore(Time));
}
