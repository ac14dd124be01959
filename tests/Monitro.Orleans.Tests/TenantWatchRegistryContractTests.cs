namespace Monitro.Orleans.Tests;

/// <summary>
/// What every <see cref="ITenantWatchRegistry"/> must do: versions that move by one with every edit, tenants kept
/// apart, a change feed that lists every edit after a version until it is compacted away, slices (one shard's
/// watches and edits) that hold exactly the watches of their keys, and a paged listing of the tenants.
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

    [SkippableFact]
    public async Task GetSlice_FourSlices_EachHoldsExactlyTheWatchesOfItsShardAndTogetherEveryWatch()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync();
        for (var i = 0; i < 60; i++)
        {
            await SetAsync(registry, $"tenant{i % 3}", Brand($"acme{i}") with { Name = $"w{i}" });
        }

        Assert.True(await RemoveAsync(registry, "tenant0", "w0"));
        var whole = await registry.GetWatchesAsync();
        var slices = new List<TenantWatchSet>();
        for (var k = 0; k < 4; k++)
        {
            slices.Add(await registry.GetSliceAsync(new WatchSlice(k, 4)));
        }

        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(whole.Version, slices[k].Version);
            Assert.All(slices[k].Watches, w => Assert.Equal(k, WatchSlice.IndexOf(w.TenantId, w.Watch.Name, 4)));
            Assert.NotEmpty(slices[k].Watches);
        }

        Assert.Equal(
            whole.Watches.Select(w => (w.TenantId, w.Watch.Name, w.Watch.Query)).Order(),
            slices.SelectMany(s => s.Watches).Select(w => (w.TenantId, w.Watch.Name, w.Watch.Query)).Order());
        Assert.Equal(59, whole.Watches.Count);
        Assert.Equal(whole.Watches.Count, (await registry.GetSliceAsync(WatchSlice.All)).Watches.Count);
    }

    [SkippableFact]
    public async Task GetSliceChangesSince_EditsOfFourShards_EachSliceListsOnlyItsOwnInOrderAndReachesTheCurrentVersion()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync(changeRetention: 30);
        await SetAsync(registry, "acme", Brand("acme") with { Name = "early" });
        var start = await registry.GetVersionAsync();
        for (var i = 0; i < 24; i++)
        {
            await SetAsync(registry, "acme", Brand($"acme{i}") with { Name = $"w{i % 8}" });
        }

        Assert.True(await RemoveAsync(registry, "acme", "w3"));
        var all = (await registry.GetChangesSinceAsync(start, 100)).Changes;
        for (var k = 0; k < 4; k++)
        {
            var slice = new WatchSlice(k, 4);
            var page = await registry.GetSliceChangesSinceAsync(start, 100, slice);

            Assert.True(page.ReachesBack);
            Assert.Equal(start + 25, page.Version);
            Assert.Equal(all.Where(c => slice.Contains(c.TenantId, c.Name)).Select(c => (c.Version, c.Name, c.Watch?.Query)), page.Changes.Select(c => (c.Version, c.Name, c.Watch?.Query)));

            // A page at the limit ends at its last edit; the reader asks again from there.
            if (page.Changes.Count > 1)
            {
                var first = await registry.GetSliceChangesSinceAsync(start, 1, slice);
                var rest = await registry.GetSliceChangesSinceAsync(first.Changes[0].Version, 100, slice);
                Assert.Equal(page.Changes.Select(c => c.Version), first.Changes.Concat(rest.Changes).Select(c => c.Version));
            }
        }

        Assert.Equal(26, (await registry.GetChangesSinceAsync(start - 1, 100)).Changes.Count);
        var slices = Enumerable.Range(0, 4).Select(k => new WatchSlice(k, 4)).ToList();
        var counts = new List<int>();
        foreach (var slice in slices)
        {
            counts.Add((await registry.GetSliceChangesSinceAsync(start, 100, slice)).Changes.Count);
        }

        Assert.Equal(all.Count, counts.Sum());
    }

    [SkippableFact]
    public async Task GetSliceChangesSince_BehindTheRetentionOrAheadOfTheRegistry_DoesNotReachBack_EvenWithNoEditInTheSlice()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync(changeRetention: 3);
        var start = await registry.GetVersionAsync();
        for (var i = 0; i < 5; i++)
        {
            await SetAsync(registry, "acme", Brand($"acme{i}"));
        }

        // Every edit is of one watch, so of one slice; the slice without it must still learn it is too far behind.
        var holder = WatchSlice.IndexOf("acme", "brand", 4);
        var other = new WatchSlice((holder + 1) % 4, 4);
        var compacted = await registry.GetSliceChangesSinceAsync(start + 1, 10, other);
        var oldestKept = await registry.GetSliceChangesSinceAsync(start + 2, 10, other);
        var ahead = await registry.GetSliceChangesSinceAsync(start + 6, 10, other);
        var held = await registry.GetSliceChangesSinceAsync(start + 2, 10, new WatchSlice(holder, 4));

        Assert.False(compacted.ReachesBack);
        Assert.True(oldestKept.ReachesBack);
        Assert.Empty(oldestKept.Changes);
        Assert.Equal(start + 5, oldestKept.Version);
        Assert.False(ahead.ReachesBack);
        Assert.Equal([start + 3, start + 4, start + 5], held.Changes.Select(c => c.Version));
    }

    [SkippableFact]
    public async Task GetTenants_PagesInOrdinalOrder_ListsEachTenantOnceAndNotOneWhoseWatchesAreGone()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var registry = await CreateAsync();
        Assert.Empty(await registry.GetTenantsAsync(null, 10));
        foreach (var tenantId in new[] { "b", "a", "c", "B", "ab" })
        {
            for (var i = 0; i < 3; i++)
            {
                await SetAsync(registry, tenantId, Brand(tenantId) with { Name = $"w{i}" });
            }
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.True(await RemoveAsync(registry, "c", $"w{i}"));
        }

        var first = await registry.GetTenantsAsync(null, 2);
        var second = await registry.GetTenantsAsync(first[^1], 2);
        var last = await registry.GetTenantsAsync(second[^1], 2);

        Assert.Equal(["B", "a"], first);
        Assert.Equal(["ab", "b"], second);
        Assert.Empty(last);
        Assert.Equal(["B", "a", "ab", "b"], await registry.GetTenantsAsync(null, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await registry.GetTenantsAsync(null, 0));
    }

    private static Watch Brand(string query) => new() { Name = "brand", Category = WatchCategory.Brand, Query = query };
}
