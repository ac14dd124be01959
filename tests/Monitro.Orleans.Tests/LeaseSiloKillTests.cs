using Microsoft.Extensions.DependencyInjection;

namespace Monitro.Orleans.Tests;

/// <summary>
/// The silo of a lease that waits for its source is killed: the dead silo's reading is stopped, and the activation that
/// replaces it on another silo reads every batch left, from the checkpoint, with a new epoch.
/// </summary>
/// <remarks>
/// The source is gated and shared by the silos: each release lets one read through. The reading of the killed silo is
/// stopped by its deactivation, whose callbacks may run after the test's next release; the gate hands such a release
/// on to the reader that goes on (<see cref="ReplaySource"/>). Beside other classes' clusters, this is what kept a
/// lease from completing after a kill.
/// </remarks>
public sealed class LeaseSiloKillTests : InProcessClusterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TestClusterStores _stores = new();
    private readonly InMemoryTenantWatchRegistry _registry = new();
    private readonly SemaphoreSlim _gate = new(0);
    private readonly ReplaySource _source;

    public LeaseSiloKillTests()
    {
        foreach (var watch in ReplayData.Watches)
        {
            _registry.Set(watch.TenantId, watch.Watch);
        }

        _source = new ReplaySource("gated", ReplayData.Batches("gated", count: 4, size: 5), _gate);
    }

    protected override short SiloCount => 3;

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddMonitroOrleans(options =>
        {
            options.ShardCount = 2;
            options.LeaseKeepAlivePeriod = TimeSpan.FromMilliseconds(200);
        });
        silo.Services.AddSingleton<IMonitroClusterStores>(_stores);
        silo.Services.AddSingleton<ITenantWatchRegistry>(_registry);
        silo.Services.AddSingleton<IListeningSource>(_source);
    }

    protected override void Dispose(bool disposing)
    {
        _stores.Dispose();
        _gate.Dispose();
    }

    [Fact]
    public async Task LeaseSiloKilledWhileItWaitsForTheSource_TheNewActivationReadsEveryBatchLeft()
    {
        using var bound = new CancellationTokenSource(Bound);
        var lease = Cluster.Client.GetGrain<ISourceLeaseGrain>("gated");
        _gate.Release();
        var first = await TestClusters.UntilAsync(() => lease.GetStatusAsync(), s => s.Batches == 1, bound.Token);

        await Cluster.KillSiloAsync(TestClusters.SiloOf(Cluster, first.Silo));
        Assert.True(_source.Readers[0].IsCancellationRequested);

        _gate.Release(3);
        var last = await TestClusters.UntilAsync(() => lease.GetStatusAsync(), s => s.State == SourceLeaseState.Completed, bound.Token);
        Assert.Equal((2L, 3L), (last.Epoch, last.Batches));
        Assert.NotEqual(first.Silo, last.Silo);
        Assert.Equal(new SourceCheckpoint("gated", "4"), await _stores.Leases.GetCheckpointAsync("gated", bound.Token));
    }
}
