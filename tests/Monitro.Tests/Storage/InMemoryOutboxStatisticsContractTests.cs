using Monitro.Storage.Testing;

namespace Monitro.Tests.Storage;

/// <summary>The outbox figures on the in-memory store (one instance per test).</summary>
public sealed class InMemoryOutboxStatisticsContractTests : OutboxStatisticsContractTests<InMemoryMonitroStore>
{
    protected override Task<InMemoryMonitroStore> CreateStoreAsync() => Task.FromResult(new InMemoryMonitroStore(Time));
}
