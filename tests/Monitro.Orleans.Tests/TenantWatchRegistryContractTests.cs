namespace Monitro.Orleans.Tests;

/// <summary>What every <see cref="ITenantWatchRegistry"/> must do: versions that move with every edit, and tenants kept apart.</summary>
public abstract class TenantWatchRegistryContractTests
{
    /// <summary>Gets why the tests of this registry are skipped, or <see langword="null"/> when they run.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>Creates an empty registry.</summary>
    protected abstract Task<ITenantWatchRegistry> CreateAsync();

    /// <summary>Adds or replaces a watch of a tenant through the registry's own edit.</summary>
    protected abstract Task SetAsync(ITenantWatchRegistry registry, string tenantId, Watch watch);

    /// <summary>Removes a watch of a tenant through the registry's own edit.</summary>
    protected abstract Task<bool> RemoveAsync(ITenantWatchRegistry registry, string tenantId, string name);

    [SkippableFact]
    public async Task New_HasNoWatches()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync();

        var set = await registry.GetWatchesAsync();

        Assert.Empty(set.Watches);
        Assert.Equal(set.Version, await registry.GetVersionAsync());
    }

    [SkippableFact]
    public async Task Set_SameNameInTwoTenants_KeepsBothApartAndMovesTheVersionEachTime()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync();
        var start = await registry.GetVersionAsync();

        await SetAsync(registry, "acme", Brand("acme"));
        var afterOne = await registry.GetVersionAsync();
        await SetAsync(registry, "globex", Brand("globex"));
        var set = await registry.GetWatchesAsync();

        Assert.True(afterOne > start);
        Assert.True(set.Version > afterOne);
        Assert.Equal(set.Version, await registry.GetVersionAsync());
        Assert.Equal(
            [("acme", "brand", "acme"), ("globex", "brand", "globex")],
            set.Watches.Select(w => (w.TenantId, w.Watch.Name, w.Watch.Query)).Order());
    }

    [SkippableFact]
    public async Task Set_SameNameInOneTenant_ReplacesTheWatch()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync();
        await SetAsync(registry, "acme", Brand("acme"));
        var before = await registry.GetVersionAsync();

        await SetAsync(registry, "acme", Brand("acme OR acmecorp"));
        var set = await registry.GetWatchesAsync();

        Assert.True(set.Version > before);
        var watch = Assert.Single(set.Watches);
        Assert.Equal(("acme", "acme OR acmecorp", WatchCategory.Brand), (watch.TenantId, watch.Watch.Query, watch.Watch.Category));
    }

    [SkippableFact]
    public async Task Remove_TakesOnlyThatTenantsWatch_AndAMissingOneChangesNothing()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync();
        await SetAsync(registry, "acme", Brand("acme"));
        await SetAsync(registry, "globex", Brand("globex"));
        var before = await registry.GetVersionAsync();

        Assert.True(await RemoveAsync(registry, "acme", "brand"));
        var afterRemove = await registry.GetVersionAsync();
        Assert.False(await RemoveAsync(registry, "acme", "brand"));
        var set = await registry.GetWatchesAsync();

        Assert.True(afterRemove > before);
        Assert.Equal(afterRemove, set.Version);
        Assert.Equal("globex", Assert.Single(set.Watches).TenantId);
    }

    private static Watch Brand(string query) => new() { Name = "brand", Category = WatchCategory.Brand, Query = query };
}
