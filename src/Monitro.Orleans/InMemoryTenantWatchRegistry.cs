namespace Monitro.Orleans;

/// <summary>A watch registry in process memory, for tests and single-machine clusters.</summary>
/// <remarks>Thread-safe. Every silo of a cluster must see the same registry, so across machines use one backed by a database.</remarks>
public sealed class InMemoryTenantWatchRegistry : ITenantWatchRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string TenantId, string Name), TenantWatch> _watches = [];

    // The same watches by key, so a slice is read without visiting the others; and each tenant's number of watches.
    private readonly SortedSet<(long Key, string TenantId, string Name)> _byKey = new(KeyOrder.Instance);
    private readonly SortedDictionary<string, int> _tenants = new(StringComparer.Ordinal);

    // The most recent edits with their watch's key, oldest first, with consecutive versions ending at _version.
    private readonly Queue<(long Key, TenantWatchChange Change)> _changes = new();
    private readonly int _changeRetention;
    private long _version;

    // Built on the first read after an edit, so an edit costs no copy of every watch.
    private TenantWatchSet? _current = new(0, []);

    /// <summary>Initializes a new instance of the <see cref="InMemoryTenantWatchRegistry"/> class whose change feed keeps <see cref="TenantWatchChanges.DefaultRetention"/> edits.</summary>
    public InMemoryTenantWatchRegistry()
        : this(TenantWatchChanges.DefaultRetention)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InMemoryTenantWatchRegistry"/> class.</summary>
    /// <param name="changeRetention">The number of recent edits the change feed keeps; a reader further behind loads every watch.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="changeRetention"/> is not positive.</exception>
    public InMemoryTenantWatchRegistry(int changeRetention)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(changeRetention);
        _changeRetention = changeRetention;
    }

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
            if (!_watches.ContainsKey((tenantId, watch.Name)))
            {
                _byKey.Add((WatchSlice.KeyOf(tenantId, watch.Name), tenantId, watch.Name));
                _tenants[tenantId] = _tenants.GetValueOrDefault(tenantId) + 1;
            }

            _watches[(tenantId, watch.Name)] = new TenantWatch(tenantId, watch);
            Record(tenantId, watch.Name, watch);
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

            _byKey.Remove((WatchSlice.KeyOf(tenantId, name), tenantId, name));
            if (--_tenants[tenantId] == 0)
            {
                _tenants.Remove(tenantId);
            }

            Record(tenantId, name, null);
            return true;
        }
    }

    /// <inheritdoc/>
    public ValueTask<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Volatile.Read(ref _version));
    }

    /// <inheritdoc/>
    public ValueTask<TenantWatchSet> GetWatchesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_current ??= new TenantWatchSet(_version, [.. _watches.Values]));
        }
    }

    /// <inheritdoc/>
    public ValueTask<TenantWatchSet> GetSliceAsync(WatchSlice slice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slice);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Tenant ids are never empty, so (key, "", "") sorts before every watch of that key.
            var keys = _byKey.GetViewBetween((slice.LowestKey, string.Empty, string.Empty), (slice.EndKey, string.Empty, string.Empty));
            var watches = new List<TenantWatch>(keys.Count);
            foreach (var (_, tenantId, name) in keys)
            {
                watches.Add(_watches[(tenantId, name)]);
            }

            return ValueTask.FromResult(new TenantWatchSet(_version, watches));
        }
    }

    /// <inheritdoc/>
    public ValueTask<TenantWatchChanges> GetChangesSinceAsync(long version, int limit, CancellationToken cancellationToken = default) =>
        GetSliceChangesSinceAsync(version, limit, WatchSlice.All, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<TenantWatchChanges> GetSliceChangesSinceAsync(long version, int limit, WatchSlice slice, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentNullException.ThrowIfNull(slice);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var oldest = _version - _changes.Count;
            if (version > _version || version < oldest)
            {
                return ValueTask.FromResult(new TenantWatchChanges(_version, false, []));
            }

            var changes = _changes.Skip((int)(version - oldest)).Where(c => slice.Contains(c.Key)).Take(limit).Select(c => c.Change).ToList();
            return ValueTask.FromResult(new TenantWatchChanges(_version, true, changes));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<string>> GetTenantsAsync(string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IEnumerable<string> tenants = _tenants.Keys;
            if (after is not null)
            {
                tenants = tenants.SkipWhile(t => string.CompareOrdinal(t, after) <= 0);
            }

            return ValueTask.FromResult<IReadOnlyList<string>>([.. tenants.Take(limit)]);
        }
    }

    // Under the lock: the edit gets the next version and joins the feed, which drops its oldest edit when full.
    private void Record(string tenantId, string name, Watch? watch)
    {
        var version = _version + 1;
        _changes.Enqueue((WatchSlice.KeyOf(tenantId, name), new TenantWatchChange(version, tenantId, name, watch)));
        if (_changes.Count > _changeRetention)
        {
            _changes.Dequeue();
        }

        _current = null;
        Volatile.Write(ref _version, version);
    }

    /// <summary>Orders watches by key, then tenant and name (ordinal).</summary>
    private sealed class KeyOrder : IComparer<(long Key, string TenantId, string Name)>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare((long Key, string TenantId, string Name) x, (long Key, string TenantId, string Name) y)
        {
            var order = x.Key.CompareTo(y.Key);
            if (order == 0)
            {
                order = string.CompareOrdinal(x.TenantId, y.TenantId);
            }

            return order != 0 ? order : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}
