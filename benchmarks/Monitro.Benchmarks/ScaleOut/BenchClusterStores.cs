using System.Collections.Concurrent;
using Monitro.Orleans;

namespace Monitro.Benchmarks.ScaleOut;

/// <summary>In-memory stores for the leases and each tenant, as the scaled-out path writes to them.</summary>
internal sealed class BenchClusterStores : IMonitroClusterStores
{
    private readonly ConcurrentDictionary<string, InMemoryMonitroStore> _tenants = new(StringComparer.Ordinal);

    public IMonitroStore Leases { get; } = new InMemoryMonitroStore();

    public IMonitroStore ForTenant(string tenantId) => _tenants.GetOrAdd(tenantId, static _ => new InMemoryMonitroStore());
}
