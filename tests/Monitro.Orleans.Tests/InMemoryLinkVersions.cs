using System.Collections.Concurrent;

namespace Monitro.Orleans.Tests;

/// <summary>Each tenant's link version in memory, shared by the leases of a test as a tenant's links grain is shared by the leases of a cluster.</summary>
internal sealed class InMemoryLinkVersions
{
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);

    public Task<long> CallAsync(string tenantId, bool move, CancellationToken cancellationToken) =>
        Task.FromResult(move ? _versions.AddOrUpdate(tenantId, 1, static (_, version) => version + 1) : _versions.GetOrAdd(tenantId, 0));
}
