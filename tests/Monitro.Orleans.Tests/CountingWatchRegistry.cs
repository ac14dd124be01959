namespace Monitro.Orleans.Tests;

/// <summary>A watch registry that counts what its readers get from it: watches, edits and tenants.</summary>
/// <param name="inner">The registry read.</param>
internal sealed class CountingWatchRegistry(ITenantWatchRegistry inner) : ITenantWatchRegistry
{
    private long _watchesRead;
    private long _changesRead;
    private long _tenantsRead;
    private long _tenantPages;

    /// <summary>Gets the number of watches returned by whole and slice loads.</summary>
    public long WatchesRead => Interlocked.Read(ref _watchesRead);

    /// <summary>Gets the number of edits returned by the change feed, whole or by slice.</summary>
    public long ChangesRead => Interlocked.Read(ref _changesRead);

    /// <summary>Gets the number of tenants returned by the listing.</summary>
    public long TenantsRead => Interlocked.Read(ref _tenantsRead);

    /// <summary>Gets the number of pages of the tenant listing read.</summary>
    public long TenantPages => Interlocked.Read(ref _tenantPages);

    public ValueTask<long> GetVersionAsync(CancellationToken cancellationToken = default) => inner.GetVersionAsync(cancellationToken);

    public async ValueTask<TenantWatchSet> GetWatchesAsync(CancellationToken cancellationToken = default) =>
        Count(await inner.GetWatchesAsync(cancellationToken));

    public async ValueTask<TenantWatchSet> GetSliceAsync(WatchSlice slice, CancellationToken cancellationToken = default) =>
        Count(await inner.GetSliceAsync(slice, cancellationToken));

    public async ValueTask<TenantWatchChanges> GetChangesSinceAsync(long version, int limit, CancellationToken cancellationToken = default) =>
        Count(await inner.GetChangesSinceAsync(version, limit, cancellationToken));

    public async ValueTask<TenantWatchChanges> GetSliceChangesSinceAsync(long version, int limit, WatchSlice slice, CancellationToken cancellationToken = default) =>
        Count(await inner.GetSliceChangesSinceAsync(version, limit, slice, cancellationToken));

    public async ValueTask<IReadOnlyList<string>> GetTenantsAsync(string? after, int limit, CancellationToken cancellationToken = default)
    {
        var tenants = await inner.GetTenantsAsync(after, limit, cancellationToken);
        Interlocked.Add(ref _tenantsRead, tenants.Count);
        Interlocked.Increment(ref _tenantPages);
        return tenants;
    }

    private TenantWatchSet Count(TenantWatchSet set)
    {
        Interlocked.Add(ref _watchesRead, set.Watches.Count);
        return set;
    }

    private TenantWatchChanges Count(TenantWatchChanges changes)
    {
        Interlocked.Add(ref _changesRead, changes.Changes.Count);
        return changes;
    }
}
