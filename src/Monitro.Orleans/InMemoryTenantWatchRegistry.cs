namespace Monitro.Orleans;

/// <summary>A watch registry in process memory, for tests and single-machine clusters.</summary>
/// <remarks>Thread-safe. Every silo of a cluster must see the same registry, so across machines use one backed by a database.</remarks>
public sealed class InMemoryTenantWatchRegistry : ITenantWatchRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string TenantId, string Name), TenantWatch> _watches = [];
    private TenantWatchSet _current = new(0, []);

    /// <summary>Adds a watch of a tenant, or replaces the tenant's watch of the same name.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="watch">The watch.</param>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="watch"/> is <see langword="null"/>.</exception>
    public void Set(string tenantId, Watch watch)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(watch);
        lock (_gate)
        {
            _watches[(tenantId, watch.Name)] = new TenantWatch(tenantId, watch);
            Publish();
        }
    }

    /// <summary>Removes a watch of a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="name">The name of the watch.</param>
    /// <returns><see langword="true"/> if a watch was removed.</returns>
    public bool Remove(string tenantId, string name)
    {
        lock (_gate)
        {
            if (!_watches.Remove((tenantId, name)))
            {
                return false;
            }

            Publish();
            return true;
        }
    }

    /// <inheritdoc/>
    public ValueTask<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Volatile.Read(ref _current).Version);
    }

    /// <inheritdoc/>
    public ValueTask<TenantWatchSet> GetWatchesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Volatile.Read(ref _current));
    }

    // Under the lock: an immutable set per version, so readers never lock.
    private void Publish() => Volatile.Write(ref _current, new TenantWatchSet(_current.Version + 1, [.. _watches.Values]));
}
