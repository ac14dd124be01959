using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Orleans.Leases;

namespace Monitro.Orleans.Tests;

/// <summary>Two activations of one source lease at once, forced: only the newer epoch's commits land.</summary>
public sealed class SourceLeaseFencingTests : IDisposable
{
    private const int ShardCount = 3;
    private readonly TestClusterStores _stores = new();
    private readonly InMemoryTenantWatchRegistry _registry = new();

    public SourceLeaseFencingTests()
    {
        foreach (var watch in ReplayData.Watches)
        {
            _registry.Set(watch.TenantId, watch.Watch);
        }
    }

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task TwoActivationsOfOneLease_OlderOneIsFencedOff_OnlyTheNewerEpochsBatchesAreStored()
    {
        // The two readers see different posts at the same positions, as two reads of a live stream may: what each
        // stored is told apart by the post id prefix.
        var olderBatches = ReplayData.Batches("replay", count: 4, size: 8, prefix: "old-");
        var newerBatches = ReplayData.Batches("replay", count: 4, size: 8, prefix: "new-");
        using var olderGate = new SemaphoreSlim(0);
        using var newerGate = new SemaphoreSlim(0);
        var older = Runner(new ReplaySource("replay", olderBatches, olderGate));
        var newer = Runner(new ReplaySource("replay", newerBatches, newerGate));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var olderRun = older.RunAsync(stop.Token);
        olderGate.Release();
        await WaitUntilAsync(() => older.Status.Batches == 1, stop.Token);

        // The newer activation starts while the older one still runs, and commits batch 2.
        var newerRun = newer.RunAsync(stop.Token);
        newerGate.Release();
        await WaitUntilAsync(() => newer.Status.Batches == 1, stop.Token);

        // The older one reads its batch 2 and is refused.
        olderGate.Release();
        await olderRun.WaitAsync(stop.Token);
        newerGate.Release(2);
        await newerRun.WaitAsync(stop.Token);

        Assert.Equal((1L, 1L, SourceLeaseState.Fenced), (older.Status.Epoch, older.Status.Batches, older.Status.State));
        Assert.Equal((2L, 3L, SourceLeaseState.Completed), (newer.Status.Epoch, newer.Status.Batches, newer.Status.State));
        var expected = ReplayData.Expected(olderBatches[0].Concat(newerBatches.Skip(1).SelectMany(batch => batch)));
        foreach (var tenantId in new[] { ReplayData.Acme, ReplayData.Globex })
        {
            var stored = (await _stores.MentionsOfAsync(tenantId)).Select(m => (m.Watch.Name, m.Post.Id)).ToList();
            Assert.Equal(expected[tenantId].Order(), stored.Order());
        }

        Assert.Equal(new SourceCheckpoint("replay", "4"), await _stores.Leases.GetCheckpointAsync("replay"));
    }

    // Each activation has its own shard matchers and people, as two activations on two silos would.
    private SourceLeaseRunner Runner(IListeningSource source) =>
        new(source, _stores, _registry, new DirectLeaseWork(_stores, _registry, ShardCount).Work, TimeProvider.System, NullLogger.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
