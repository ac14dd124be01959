namespace Monitro.Orleans.Tests;

/// <summary>The clock's list of tenants comes from the registry's paged tenant listing, a page per thousand tenants, without reading a watch.</summary>
public sealed class TenantListingTests
{
    [Fact]
    public async Task ReadAll_2500TenantsWithTwoWatchesEach_ReadsThreePagesOfTenantsAndNoWatch()
    {
        var inner = new InMemoryTenantWatchRegistry();
        for (var i = 0; i < 2_500; i++)
        {
            inner.Set($"tenant{i}", new Watch { Name = "brand", Query = "acme" });
            inner.Set($"tenant{i}", new Watch { Name = "rival", Query = "globex" });
        }

        var registry = new CountingWatchRegistry(inner);

        var tenants = await TenantListing.ReadAllAsync(registry, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 2_500).Select(i => $"tenant{i}").Order(StringComparer.Ordinal), tenants);
        Assert.Equal((3, 2_500, 0), (registry.TenantPages, registry.TenantsRead, registry.WatchesRead));
    }
}
