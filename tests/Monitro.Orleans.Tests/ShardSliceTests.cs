using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Orleans.Matching;
using Monitro.Tests.Matching;

namespace Monitro.Orleans.Tests;

/// <summary>
/// A matcher shard reads only its slice of the registry: a fresh activation of one of four shards loads about a quarter
/// of the watches, and an edit is read by the replicas of the shard that holds it and by no other shard.
/// </summary>
public sealed class ShardSliceTests
{
    private const int Shards = 4;
    private const int Replicas = 2;
    private const int Watches = 4_000;

    [Fact]
    public async Task FreshShards_ReadOnlyTheirSlice_AndAnEditIsReadOnlyByTheReplicasOfItsShard()
    {
        var inner = new InMemoryTenantWatchRegistry();
        for (var i = 0; i < Watches; i++)
        {
            inner.Set($"tenant{i % 7}", new Watch { Name = $"w{i}", Query = $"brand{i}" });
        }

        var registry = new CountingWatchRegistry(inner);
        var version = await registry.GetVersionAsync();

        // Replica r of shard s, as the grains hold them; each is activated fresh and loads what it holds.
        var replicas = Enumerable.Range(0, Shards * Replicas).Select(key => new ShardMatcher(key % Shards, Shards, NullLogger.Instance)).ToArray();
        var loads = new List<long>();
        foreach (var replica in replicas)
        {
            var before = registry.WatchesRead;
            Assert.Equal((0, true), await WatchFeed.CatchUpAsync(replica, registry, version, CancellationToken.None));
            loads.Add(registry.WatchesRead - before);
            Assert.Equal(replica.WatchCount, loads[^1]);
        }

        // Each shard's load is its own watches, about a quarter of them, and the four shards' loads add up to all.
        Assert.All(loads, read => Assert.InRange(read, Watches / Shards * 0.85, Watches / Shards * 1.15));
        Assert.Equal(Watches, loads.Take(Shards).Sum());

        // One edit: every replica catches up to the new version, and only those of the shard holding the watch read it.
        inner.Set("tenant3", new Watch { Name = "w3", Query = "brand3 OR remake3" });
        var edited = await registry.GetVersionAsync();
        var holder = WatchSlice.IndexOf("tenant3", "w3", Shards);
        var read = new List<int>();
        foreach (var replica in replicas)
        {
            var (changes, whole) = await WatchFeed.CatchUpAsync(replica, registry, edited, CancellationToken.None);
            Assert.False(whole);
            Assert.Equal(edited, replica.Version);
            read.Add(changes);
        }

        Assert.Equal(replicas.Select(r => r.Slice.Index == holder ? 1 : 0), read);
        Assert.Equal(Replicas, registry.ChangesRead);
        Assert.Equal(["w3"], replicas[holder].Match([TestPosts.Create("the remake3 is out")]).Select(m => m.Mention.Watch.Name));
    }

    [Fact]
    public void IndexOf_EveryKeyInExactlyTheSliceOfItsShard_AndTheSlicesTileTheKeys()
    {
        foreach (var count in new[] { 1, 3, 4, 16, 1000, 65_536 })
        {
            Assert.Equal(0, new WatchSlice(0, count).LowestKey);
            Assert.Equal(WatchSlice.KeyRange, new WatchSlice(count - 1, count).EndKey);
            for (var k = 1; k < Math.Min(count, 50); k++)
            {
                Assert.Equal(new WatchSlice(k - 1, count).EndKey, new WatchSlice(k, count).LowestKey);
            }

            for (var i = 0; i < 500; i++)
            {
                var (tenant, name) = ($"t{i % 11}", $"watch{i}");
                var shard = WatchSlice.IndexOf(tenant, name, count);
                Assert.True(new WatchSlice(shard, count).Contains(tenant, name));
                Assert.False(count > 1 && new WatchSlice((shard + 1) % count, count).Contains(tenant, name));
            }
        }

        // The edges of a slice: its lowest key is in it, the key below is in the one before.
        var slice = new WatchSlice(2, 3);
        Assert.True(slice.Contains(slice.LowestKey));
        Assert.False(slice.Contains(slice.LowestKey - 1));
        Assert.True(new WatchSlice(1, 3).Contains(slice.LowestKey - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatchSlice(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatchSlice(0, 0));
    }
}
