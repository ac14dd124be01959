namespace Monitro.Orleans.Tests;

/// <summary>The registry contract on <see cref="InMemoryTenantWatchRegistry"/>.</summary>
public sealed class InMemoryTenantWatchRegistryTests : TenantWatchRegistryContractTests
{
    protected override Task<ITenantWatchRegistry> CreateAsync(int changeRetention = TenantWatchChanges.DefaultRetention) =>
        Task.FromResult<ITenantWatchRegistry>(new InMemoryTenantWatchRegistry(changeRetention));

    protected override Task SetAsync(ITenantWatchRegistry registry, string tenantId, Watch watch)
    {
        ((InMemoryTenantWatchRegistry)registry).Set(tenantId, watch);
        return Task.CompletedTask;
    }

    protected override Task<bool> RemoveAsync(ITenantWatchRegistry registry, string tenantId, string name) =>
        Task.FromResult(((InMemoryTenantWatchRegistry)registry).Remove(tenantId, name));
}
