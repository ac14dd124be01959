using System.Collections.Concurrent;
using Monitro.Orleans;
using Monitro.Storage.PostgreSql;

namespace Monitro.Samples.Cluster;

/// <summary>The leases in one PostgreSQL schema and each tenant in a schema of its own, in one database.</summary>
internal sealed class SchemaClusterStores(SampleSettings settings) : IMonitroClusterStores, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<PostgreSqlMonitroStore>> _tenants = new(StringComparer.Ordinal);
    private readonly PostgreSqlMonitroStore _leases = Open(settings, settings.LeaseSchema);

    public IMonitroStore Leases => _leases;

    public IMonitroStore ForTenant(string tenantId) =>
        _tenants.GetOrAdd(tenantId, id => new Lazy<PostgreSqlMonitroStore>(() => Open(settings, settings.TenantSchema(id)))).Value;

    public async ValueTask DisposeAsync()
    {
        await _leases.DisposeAsync().ConfigureAwait(false);
        foreach (var tenant in _tenants.Values.Where(t => t.IsValueCreated))
        {
            await tenant.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    public static PostgreSqlMonitroStore Open(SampleSettings settings, string schema) =>
        new(new PostgreSqlStoreOptions { ConnectionString = settings.ConnectionString, SchemaName = schema });
}
