using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Monitro.Orleans.Tests;

/// <summary>
/// Three silos in one process ingest two sources for two tenants; the silo of the busy source's lease (and of a
/// matcher shard) is killed mid-run. Every expected mention ends stored once per (tenant, watch, post), every person
/// with each expected interaction once, and a dispatcher per tenant delivers every alert once per key.
/// </summary>
public sealed class ClusterReplayTests : InProcessClusterTests
{
    private const int ShardCount = 4;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TestClusterStores _stores = new();
    private readonly InMemoryTenantWatchRegistry _registry = new();
    private readonly IReadOnlyList<IReadOnlyList<Post>> _busy = ReplayData.Batches("busy", count: 60, size: 8);
    private readonly IReadOnlyList<IReadOnlyList<Post>> _quiet = ReplayData.Batches("quiet", count: 6, size: 5);
    private readonly ITestOutputHelper _output;

    public ClusterReplayTests(ITestOutputHelper output)
    {
        _output = output;
        foreach (var watch in ReplayData.Watches)
        {
            _registry.Set(watch.TenantId, watch.Watch);
        }
    }

    protected override short SiloCount => 3;

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddMonitroOrleans(options =>
        {
            options.ShardCount = ShardCount;
            options.ReplicasPerShard = 2;
            options.LeaseKeepAlivePeriod = TimeSpan.FromMilliseconds(200);
        });
        silo.Services.AddSingleton<IMonitroClusterStores>(_stores);
        silo.Services.AddSingleton<ITenantWatchRegistry>(_registry);
        silo.Services.AddSingleton<IListeningSource>(new ReplaySource("busy", _busy, pause: TimeSpan.FromMilliseconds(40)));
        silo.Services.AddSingleton<IListeningSource>(new ReplaySource("quiet", _quiet, pause: TimeSpan.FromMilliseconds(40)));
    }

    protected override void Dispose(bool disposing) => _stores.Dispose();

    [Fact]
    public async Task Replay_SiloOfTheBusyLeaseAndAShardKilledMidRun_EveryMentionStoredOncePerTenantWatchAndPost()
    {
        var cluster = Cluster;
        using var bound = new CancellationTokenSource(Bound);
        var busy = cluster.Client.GetGrain<ISourceLeaseGrain>("busy");

        // Mid-run: the busy lease has committed some batches but far from all.
        var before = await TestClusters.UntilAsync(() => busy.GetStatusAsync(), s => s.Batches >= 8, bound.Token);
        var victims = new List<InProcessSiloHandle> { TestClusters.SiloOf(cluster, before.Silo) };
        var shards = await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(i => cluster.Client.GetGrain<IMatcherShardGrain>(i).GetStatusAsync()));
        if (!shards.Any(s => s.Watches > 0 && TestClusters.SiloOf(cluster, s.Silo) == victims[0]))
        {
            // No loaded shard shares the lease's silo: kill a shard's silo too, leaving one silo standing.
            victims.Add(TestClusters.SiloOf(cluster, shards.First(s => s.Watches > 0 && TestClusters.SiloOf(cluster, s.Silo) != victims[0]).Silo));
        }

        foreach (var victim in victims)
        {
            await cluster.KillSiloAsync(victim);
        }

        var after = await TestClusters.UntilAsync(() => busy.GetStatusAsync(), s => s.State == SourceLeaseState.Completed, bound.Token);
        await TestClusters.UntilAsync(() => cluster.Client.GetGrain<ISourceLeaseGrain>("quiet").GetStatusAsync(), s => s.State == SourceLeaseState.Completed, bound.Token);

        _output.WriteLine($"killed {victims.Count} silo(s) after {before.Batches} batches of epoch {before.Epoch}; epoch {after.Epoch} committed {after.Batches} batches");
        _output.WriteLine($"pre-search: {after.PairsSent} (post, shard) pairs sent, {after.PairsSkipped} skipped of {after.PairsSent + after.PairsSkipped}");
        Assert.True(after.Epoch > before.Epoch, $"the lease re-activated with a new epoch (before {before.Epoch}, after {after.Epoch})");
        Assert.DoesNotContain(victims, v => TestClusters.SiloOf(cluster, after.Silo) == v);
        var expected = ReplayData.Expected(_busy.Concat(_quiet).SelectMany(batch => batch));
        foreach (var (tenantId, pairs) in expected)
        {
            var stored = (await _stores.MentionsOfAsync(tenantId)).Select(m => (m.Watch.Name, m.Post.Id)).ToList();
            Assert.Equal(pairs.Order(), stored.Order());
        }

        Assert.Equal(new SourceCheckpoint("busy", "60"), await _stores.Leases.GetCheckpointAsync("busy"));
        Assert.Equal(new SourceCheckpoint("quiet", "6"), await _stores.Leases.GetCheckpointAsync("quiet"));

        // People: each (tenant, person) holds each of its interactions once, none lost to the kill.
        var interactions = ReplayData.ExpectedInteractions(_busy.Concat(_quiet).SelectMany(batch => batch));
        foreach (var ((tenantId, person), count) in interactions)
        {
            var read = await _stores.Tenant(tenantId).GetInteractionsOfAsync(person, new PageRequest(PageRequest.MaxPageSize), bound.Token);
            Assert.Equal((tenantId, person, count), (tenantId, person, read.Items.Count));
        }

        // Alerts: a dispatcher per tenant store delivers every mention's alert, and no key twice.
        foreach (var tenantId in expected.Keys)
        {
            var delivered = (await _stores.DispatchAsync(tenantId, bound.Token)).ConvertAll(a => a.IdempotencyKey);
            var mentionKeys = (await _stores.MentionsOfAsync(tenantId)).Select(m => m.Id).ToList();
            _output.WriteLine($"{tenantId}: {delivered.Count} alerts delivered, {mentionKeys.Count} of them for mentions");
            Assert.Equal(delivered.Count, delivered.Distinct(StringComparer.Ordinal).Count());
            Assert.Empty(mentionKeys.Except(delivered, StringComparer.Ordinal));
        }
    }
}
