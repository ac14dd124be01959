using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Orleans;
using Monitro.Storage.Sqlite;

namespace Monitro.Orleans.Tests;

/// <summary>One SQLite file for the leases and one per tenant, in a fresh temp folder deleted when the test ends.</summary>
internal sealed class TestClusterStores : IMonitroClusterStores, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitro-orleans-tests", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, Lazy<SqliteMonitroStore>> _tenants = new(StringComparer.Ordinal);
    private readonly SqliteMonitroStore _leases;

    public TestClusterStores()
    {
        Directory.CreateDirectory(_folder);
        _leases = Open("leases");
    }

    public IMonitroStore Leases => _leases;

    public IMonitroStore ForTenant(string tenantId) => Tenant(tenantId);

    public SqliteMonitroStore Tenant(string tenantId) =>
        _tenants.GetOrAdd(tenantId, id => new Lazy<SqliteMonitroStore>(() => Open("tenant-" + id))).Value;

    /// <summary>Opens another store on a tenant's file, as a dispatcher in another process would; the caller disposes it.</summary>
    public SqliteMonitroStore OpenAnother(string tenantId) => Open("tenant-" + tenantId);

    /// <summary>Reads every mention of a tenant, page by page.</summary>
    public async Task<List<Mention>> MentionsOfAsync(string tenantId)
    {
        var all = new List<Mention>();
        var page = new PageRequest(PageRequest.MaxPageSize);
        while (true)
        {
            var found = await Tenant(tenantId).GetMentionsAsync(new MentionQuery { Page = page });
            all.AddRange(found.Items);
            if (!found.HasMore)
            {
                return all;
            }

            page = page with { ContinuationToken = found.ContinuationToken };
        }
    }

    /// <summary>
    /// Runs the single-process dispatcher on a tenant's file, with no source, as another process would: it delivers
    /// what the outbox holds that was not delivered before, and ends.
    /// </summary>
    /// <returns>The alerts delivered, in order.</returns>
    public async Task<List<Alert>> DispatchAsync(string tenantId, CancellationToken cancellationToken)
    {
        var sink = new RecordingSink();
        var services = new ServiceCollection();
        services.AddMonitro().UseStore(_ => OpenAnother(tenantId), static _ => { }).AddSink(sink);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MentionMonitor>().RunAsync(cancellationToken);
        return [.. sink.Alerts];
    }

    public void Dispose()
    {
        _leases.Dispose();
        foreach (var tenant in _tenants.Values.Where(t => t.IsValueCreated))
        {
            tenant.Value.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private SqliteMonitroStore Open(string name) =>
        new(new SqliteStoreOptions { ConnectionString = Path.Combine(_folder, name + ".db"), BusyTimeout = TimeSpan.FromSeconds(30) });
}
