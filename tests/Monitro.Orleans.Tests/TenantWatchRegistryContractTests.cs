namespace Monitro.Orleans.Tests;

/// <summary>
/// What every <see cref="ITenantWatchRegistry"/> must do: versions that move by one with every edit, tenants kept
/// apart, and a change feed that lists every edit after a version until it is compacted away.
/// </summary>
public abstract class TenantWatchRegistryContractTests
{
    /// <summary>Gets why the tests of this registry are skipped, or <see langword="null"/> when they run.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>Creates an empty registry whose change feed keeps <paramref name="changeRetention"/> edits.</summary>
    protected abstract Task<ITenantWatchRegistry> CreateAsync(int changeRetention = TenantWatchChanges.DefaultRetention);

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

    [SkippableFact]
    public async Task GetChangesSince_AddsUpdatesAndRemoves_ListsEachOnceInOrderWithConsecutiveVersions()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync();
        var start = await registry.GetVersionAsync();

        await SetAsync(registry, "acme", Brand("acme"));
        await SetAsync(registry, "globex", Brand("globex"));
        await SetAsync(registry, "acme", Brand("acme OR acmecorp"));
        Assert.False(await RemoveAsync(registry, "acme", "missing"));
        Assert.True(await RemoveAsync(registry, "globex", "brand"));
        var feed = await registry.GetChangesSinceAsync(start, 100);

        Assert.True(feed.ReachesBack);
        Assert.Equal(start + 4, feed.Version);
        Assert.Equal(
            [(start + 1, "acme", "brand", "acme"), (start + 2, "globex", "brand", "globex"), (start + 3, "acme", "brand", "acme OR acmecorp"), (start + 4, "globex", "brand", null)],
            feed.Changes.Select(c => (c.Version, c.TenantId, c.Name, c.Watch?.Query)));
        Assert.Equal(WatchCategory.Brand, feed.Changes[0].Watch!.Category);
    }

    [SkippableFact]
    public async Task GetChangesSince_LimitAndCurrentVersion_PagesFromTheLastEditAndEndsEmpty()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync();
        var start = await registry.GetVersionAsync();
        for (var i = 0; i < 5; i++)
        {
            await SetAsync(registry, "acme", Brand($"acme{i}") with { Name = $"w{i}" });
        }

        var first = await registry.GetChangesSinceAsync(start, 2);
        var second = await registry.GetChangesSinceAsync(first.Changes[^1].Version, 2);
        var last = await registry.GetChangesSinceAsync(start + 4, 2);
        var none = await registry.GetChangesSinceAsync(start + 5, 2);

        Assert.Equal(["w0", "w1"], first.Changes.Select(c => c.Name));
        Assert.Equal(["w2", "w3"], second.Changes.Select(c => c.Name));
        Assert.Equal(["w4"], last.Changes.Select(c => c.Name));
        Assert.True(none.ReachesBack);
        Assert.Empty(none.Changes);
        Assert.All(new[] { first, second, last, none }, page => Assert.Equal(start + 5, page.Version));
    }

    [SkippableFact]
    public async Task GetChangesSince_BehindTheRetentionOrAheadOfTheRegistry_DoesNotReachBack()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync(changeRetention: 3);
        var start = await registry.GetVersionAsync();
        for (var i = 0; i < 5; i++)
        {
            await SetAsync(registry, "acme", Brand($"acme{i}"));
        }

        var compacted = await registry.GetChangesSinceAsync(start + 1, 10);
        var oldestKept = await registry.GetChangesSinceAsync(start + 2, 10);
        var ahead = await registry.GetChangesSinceAsync(start + 6, 10);

        Assert.False(compacted.ReachesBack);
        Assert.Empty(compacted.Changes);
        Assert.True(oldestKept.ReachesBack);
        Assert.Equal([start + 3, start + 4, start + 5], oldestKept.Changes.Select(c => c.Version));
        Assert.False(ahead.ReachesBack);
        Assert.Equal(start + 5, ahead.Version);
    }

    [SkippableFact]
    public async Task GetChangesSince_LimitNotPositive_Throws()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await registry.GetChangesSinceAsync(0, 0));
    }

    private static Watch Brand(string query) => new() { Name = "brand", Category = WatchCategory.Brand, Query = query };
}
