using Monitro.Storage.Testing;

namespace Monitro.Tests.Storage;

/// <summary>Delivered batches settled at once on the in-memory store (one instance per test).</summary>
public sealed class InMemoryOutboxSettlementContractTests : OutboxSettlementContractTests<InMemoryMonitroStore>
{
    protected override Task<InMemoryMonitroStore> CreateStoreAsync() => Task.FromResult(new InMemoryMonitroStore(Time));
}
