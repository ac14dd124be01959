using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Orleans.People;

namespace Monitro.Orleans.Tests;

/// <summary>
/// The cluster's clock asks only the tenants with something due: with twelve tenants of which three have a person's
/// wake-up due, a period reads three tenants' stores and no other; a period with nothing due reads none; and a clock
/// that lost its memory finds what is due by reading every tenant's store once, the store being the truth. The clock
/// lists the tenants of the watch registry without reading a watch (three tenants are known by their watches alone).
/// </summary>
/// <remarks>
/// The clock is driven explicitly (<see cref="IClusterClockGrain.WakeDueAsync"/> with a chosen moment), as each silo's
/// timer drives it every period; what a period touches is counted by the tenant stores it asks for.
/// </remarks>
public sealed class ClusterClockTests : InProcessClusterTests
{
    private const int Tenants = 12;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow.AddDays(1);
    private const int TenantsWithOptions = 9;
    private readonly CountingClusterStores _stores = new();
    private readonly CountingWatchRegistry _registry = new(WatchesOfEveryTenant());

    protected override short SiloCount => 1;

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddMonitroOrleans(options =>
        {
            options.ShardCount = 1;
            options.Relationships.AdvanceInterval = TimeSpan.FromHours(1); // the test drives the periods
            for (var i = 0; i < TenantsWithOptions; i++)
            {
                options.Tenants[TenantOf(i)] = new MonitroTenantOptions();
            }
        });
        silo.Services.AddSingleton<IMonitroClusterStores>(_stores);
        silo.Services.AddSingleton<ITenantWatchRegistry>(_registry);
    }

    protected override void Dispose(bool disposing) => _stores.Dispose();

    [Fact]
    public async Task Period_WithKOfNTenantsDue_ReadsOnlyThoseKStores_AndARestartedClockRebuildsFromTheStores()
    {
        using var bound = new CancellationTokenSource(Bound);
        var clock = Cluster.Client.GetGrain<IClusterClockGrain>(0);
        for (var i = 0; i < Tenants; i++)
        {
            await StoreWakeUpAsync(i, Now.AddDays(1), bound.Token);
        }

        // The first period of an activation reads every tenant's next moment once; nothing is due yet.
        Assert.Equal(0, await clock.WakeDueAsync(Now, bound.Token));
        Assert.Equal(Tenants, _stores.Asked.Count);
        Assert.Equal((0, 1, Tenants), (_registry.WatchesRead, _registry.TenantPages, _registry.TenantsRead));

        // Three tenants get a wake-up due now, told to the clock as a person grain tells it after its commit.
        int[] due = [2, 5, 9];
        foreach (var i in due)
        {
            await StoreWakeUpAsync(i, Now.AddMinutes(-1), bound.Token);
            await clock.DueAtAsync(TenantOf(i), Now.AddMinutes(-1), bound.Token);
        }

        _stores.Asked.Clear();
        Assert.Equal(due.Length, await clock.WakeDueAsync(Now, bound.Token));
        Assert.Equal(due.Select(TenantOf).Order(StringComparer.Ordinal), _stores.Asked.Keys.Order(StringComparer.Ordinal));
        foreach (var i in due)
        {
            Assert.Null(await WakeUpOfAsync(i, bound.Token)); // woken: a person with no history has nothing left to wait for
        }

        Assert.NotNull(await WakeUpOfAsync(0, bound.Token));

        // A period with nothing due asks no store.
        _stores.Asked.Clear();
        Assert.Equal(0, await clock.WakeDueAsync(Now.AddMinutes(1), bound.Token));
        Assert.Empty(_stores.Asked);

        // The clock loses its memory, and a wake-up falls due that nobody told it of: the new activation reads every
        // tenant's store once and finds it; the period after reads only that tenant's store again.
        await Cluster.DeactivateAsync(clock);
        await StoreWakeUpAsync(7, Now.AddMinutes(1), bound.Token);
        _stores.Asked.Clear();
        Assert.Equal(1, await clock.WakeDueAsync(Now.AddMinutes(2), bound.Token));
        Assert.Equal(Tenants, _stores.Asked.Count);
        Assert.Null(await WakeUpOfAsync(7, bound.Token));
        await StoreWakeUpAsync(4, Now.AddMinutes(2), bound.Token);
        await clock.DueAtAsync(TenantOf(4), Now.AddMinutes(2), bound.Token);
        _stores.Asked.Clear();
        Assert.Equal(1, await clock.WakeDueAsync(Now.AddMinutes(3), bound.Token));
        Assert.Equal([TenantOf(4)], _stores.Asked.Keys);
    }

    // A watch of every tenant, each with two; only the first TenantsWithOptions are in the options too.
    private static InMemoryTenantWatchRegistry WatchesOfEveryTenant()
    {
        var registry = new InMemoryTenantWatchRegistry();
        for (var i = 0; i < Tenants; i++)
        {
            registry.Set(TenantOf(i), new Watch { Name = "brand", Query = "acme" });
            registry.Set(TenantOf(i), new Watch { Name = "rival", Query = "globex" });
        }

        return registry;
    }

    private static string TenantOf(int i) => "tenant-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static string PersonOf(int i) => "mastodon:person" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@example.social";

    // What a person grain's commit stores: the person's next wake-up.
    private Task StoreWakeUpAsync(int tenant, DateTimeOffset at, CancellationToken cancellationToken) =>
        _stores.Inner.Tenant(TenantOf(tenant)).CommitAsync(new BatchCommit { SourceName = "test", AlertState = PersonWakeUp.Changes(PersonOf(tenant), at, [PersonOf(tenant)]) }, cancellationToken).AsTask();

    private async Task<DateTimeOffset?> WakeUpOfAsync(int tenant, CancellationToken cancellationToken) =>
        (await _stores.Inner.Tenant(TenantOf(tenant)).GetAlertStateAsync(cancellationToken)).SingleOrDefault(r => r.Scope.StartsWith(PersonWakeUp.ScopePrefix, StringComparison.Ordinal))?.DueAt;

    /// <summary>The test's stores, counting which tenants' stores the cluster asks for.</summary>
    private sealed class CountingClusterStores : IMonitroClusterStores, IDisposable
    {
        public TestClusterStores Inner { get; } = new();

        public ConcurrentDictionary<string, int> Asked { get; } = new(StringComparer.Ordinal);

        public IMonitroStore Leases => Inner.Leases;

        public IMonitroStore ForTenant(string tenantId)
        {
            _ = Asked.AddOrUpdate(tenantId, 1, static (_, count) => count + 1);
            return Inner.ForTenant(tenantId);
        }

        public void Dispose() => Inner.Dispose();
    }
}
