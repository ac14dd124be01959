using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Monitro.Orleans.Tests;

/// <summary>
/// A tenant's alert rules in the cluster: the same posts through two silos and through one process raise the same
/// alerts by key (the immediate complaint, the hourly digest with its counts and top posts, the spike with its baseline),
/// each delivered once; a tenant's alert grain that loses its memory and then its silo mid-window still sends the due
/// digest once, with every mention of the window.
/// </summary>
/// <remarks>
/// Monitro's clock in the silos is a fake one (<see cref="ClusterClock"/>) that the test moves between batches, while
/// Orleans keeps the real clock for its membership and timers.
/// </remarks>
public sealed class TenantAlertClusterTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TestClusterStores _cluster = new();
    private readonly TestClusterStores _single = new();
    private readonly InMemoryTenantWatchRegistry _registry = new();
    private readonly FakeTimeProvider _time = new(TenantAlertPosts.Moments[0]);
    private readonly SemaphoreSlim _gate = new(0);
    private InProcessTestCluster? _silos;

    public async Task InitializeAsync()
    {
        _registry.Set(TenantAlertPosts.Acme, TenantAlertPosts.Brand);
        _registry.Set(TenantAlertPosts.Globex, TenantAlertPosts.GlobexBrand);
        _silos = await TestClusters.StartAsync(3, silo =>
        {
            silo.Services.AddSingleton(new ClusterClock(_time));
            silo.AddMonitroOrleans(options =>
            {
                options.ShardCount = 2;
                options.LeaseKeepAlivePeriod = TimeSpan.FromMilliseconds(200);
                var acme = new MonitroTenantOptions();
                TenantAlertPosts.Rules(acme.Alerting);
                options.Tenants[TenantAlertPosts.Acme] = acme;
            });
            silo.Services.AddSingleton<IMonitroClusterStores>(_cluster);
            silo.Services.AddSingleton<ITenantWatchRegistry>(_registry);
            silo.Services.AddSingleton<IListeningSource>(new ReplaySource("social", TenantAlertPosts.Batches, gate: _gate));
        });
    }

    public Task DisposeAsync() => TestClusters.StopAsync(_silos);

    public void Dispose()
    {
        _cluster.Dispose();
        _single.Dispose();
        _gate.Dispose();
    }

    [Fact]
    public async Task Rules_ThroughTheClusterAndOneProcess_RaiseTheSameAlertsEachDeliveredOnce()
    {
        using var bound = new CancellationTokenSource(Bound);
        var client = _silos!.Client;
        for (var i = 0; i < TenantAlertPosts.Batches.Count; i++)
        {
            _time.SetUtcNow(TenantAlertPosts.Moments[i]);
            _gate.Release();
            await TestClusters.UntilAsync(() => client.GetGrain<ISourceLeaseGrain>("social").GetStatusAsync(), s => s.Batches == i + 1, bound.Token);
        }

        var end = TenantAlertPosts.Hour.AddHours(1).AddMinutes(1);
        _time.SetUtcNow(end);
        _ = await client.GetGrain<ITenantAlertGrain>(TenantAlertPosts.Acme).CheckAsync(end, bound.Token);
        var cluster = await _cluster.DispatchAsync(TenantAlertPosts.Acme, bound.Token);
        var single = await RunOneProcessAsync(bound.Token);

        var expected = single.Select(Describe).Order(StringComparer.Ordinal).ToList();
        var actual = cluster.Select(Describe).Order(StringComparer.Ordinal).ToList();
        foreach (var line in actual)
        {
            output.WriteLine(line);
        }

        Assert.Equal(expected, actual);
        Assert.Contains(actual, a => a.StartsWith("brand|mastodon:p2|complaints", StringComparison.Ordinal));
        Assert.Contains(actual, a => a.StartsWith("digest|hourly|", StringComparison.Ordinal) && a.Contains("brand:10/", StringComparison.Ordinal));
        Assert.Contains(actual, a => a.StartsWith("spike|brand|", StringComparison.Ordinal) && a.Contains("|6|2|1|3|", StringComparison.Ordinal));
        Assert.Equal(actual.Count, cluster.Select(a => a.IdempotencyKey).Distinct(StringComparer.Ordinal).Count());

        // Nothing is delivered twice: a later check and a second dispatcher find nothing new.
        _ = await client.GetGrain<ITenantAlertGrain>(TenantAlertPosts.Acme).CheckAsync(end.AddMinutes(1), bound.Token);
        Assert.Empty(await _cluster.DispatchAsync(TenantAlertPosts.Acme, bound.Token));

        // A tenant without rules keeps one immediate alert per mention.
        var globex = await _cluster.DispatchAsync(TenantAlertPosts.Globex, bound.Token);
        Assert.Equal(["globex-brand|mastodon:g1"], globex.Select(a => a.IdempotencyKey));
    }

    [Fact]
    public async Task Digest_GrainLosesItsMemoryThenItsSiloMidWindow_SendsTheDueDigestOnceWithEveryMention()
    {
        using var bound = new CancellationTokenSource(Bound);
        var client = _silos!.Client;
        var grain = client.GetGrain<ITenantAlertGrain>(TenantAlertPosts.Acme);
        var lease = client.GetGrain<ISourceLeaseGrain>("social");

        _time.SetUtcNow(TenantAlertPosts.Moments[0]);
        _gate.Release();
        await TestClusters.UntilAsync(() => lease.GetStatusAsync(), s => s.Batches == 1, bound.Token);
        await _silos.DeactivateAsync(grain);

        _time.SetUtcNow(TenantAlertPosts.Moments[1]);
        _gate.Release();
        await TestClusters.UntilAsync(() => lease.GetStatusAsync(), s => s.Batches == 2, bound.Token);
        var victim = await TestClusters.SiloOfAsync(_silos, "TenantAlertGrain", TenantAlertPosts.Acme);
        output.WriteLine($"killing {victim.SiloAddress}, the silo of the tenant's alert grain");
        var leaseSilo = await TestClusters.SiloOfAsync(_silos, "SourceLeaseGrain", "social");
        output.WriteLine(leaseSilo == victim ? "the source's lease is on it too" : $"the source's lease is on {leaseSilo.SiloAddress}");
        await _silos.KillSiloAsync(victim);

        _time.SetUtcNow(TenantAlertPosts.Moments[2]);
        _gate.Release();
        await TestClusters.UntilAsync(() => lease.GetStatusAsync(), s => s.State == SourceLeaseState.Completed, bound.Token);

        var end = TenantAlertPosts.Hour.AddHours(1).AddMinutes(1);
        _time.SetUtcNow(end);
        await TestClusters.UntilAsync(() => grain.CheckAsync(end, bound.Token), _ => true, bound.Token);
        var delivered = await _cluster.DispatchAsync(TenantAlertPosts.Acme, bound.Token);
        var digest = Assert.Single(delivered, a => a.Kind == AlertKinds.Digest);
        Assert.Equal(10, Assert.Single(digest.Digest!.Watches).Mentions);

        // Memory lost once more: the next activation finds the window sent and sends nothing again.
        await _silos.DeactivateAsync(grain);
        _ = await grain.CheckAsync(end.AddMinutes(2), bound.Token);
        Assert.Empty(await _cluster.DispatchAsync(TenantAlertPosts.Acme, bound.Token));
    }

    // One process on its own store with the same rules, reading the same batches at the same moments.
    private async Task<List<Alert>> RunOneProcessAsync(CancellationToken cancellationToken)
    {
        var single = new FakeTimeProvider(TenantAlertPosts.Moments[0]);
        using var gate = new SemaphoreSlim(0);
        var sink = new RecordingSink();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(single);
        services.AddMonitro()
            .UseStore(_ => _single.OpenAnother(TenantAlertPosts.Acme), static _ => { })
            .AddSource(new ReplaySource("social", [.. TenantAlertPosts.Batches, []], gate))
            .AddWatch(TenantAlertPosts.Brand)
            .AddSink(sink);
        services.Configure<AlertingOptions>(TenantAlertPosts.Rules);
        await using var provider = services.BuildServiceProvider();
        var run = provider.GetRequiredService<MentionMonitor>().RunAsync(cancellationToken);
        using var store = _single.OpenAnother(TenantAlertPosts.Acme);
        for (var i = 0; i < TenantAlertPosts.Batches.Count; i++)
        {
            single.SetUtcNow(TenantAlertPosts.Moments[i]);
            gate.Release();
            await TestClusters.UntilAsync(() => store.GetCheckpointAsync("social", cancellationToken).AsTask(), c => c?.Value == (i + 1).ToString(CultureInfo.InvariantCulture), cancellationToken);
        }

        // The hour ends: the scheduler's next check sends the digest; then the source's last (empty) batch ends the run.
        single.SetUtcNow(TenantAlertPosts.Hour.AddHours(1).AddMinutes(1));
        await TestClusters.UntilAsync(() => Task.FromResult(sink.Alerts.Any(a => a.Kind == AlertKinds.Digest)), found => found, cancellationToken);
        gate.Release();
        await run;
        return [.. sink.Alerts];
    }

    private static string Describe(Alert alert) => alert switch
    {
        { Digest: { } digest } => $"{alert.IdempotencyKey}|{alert.Title}|{string.Join(";", digest.Watches.Select(Describe))}",
        { Spike: { } spike } => string.Create(
            CultureInfo.InvariantCulture,
            $"{alert.IdempotencyKey}|{spike.Metric}|{spike.Observed}|{spike.BaselineMean}|{spike.BaselineStandardDeviation}|{spike.Threshold}|{spike.BaselineWindows}|{Describe(spike.Summary)}"),
        _ => $"{alert.IdempotencyKey}|{alert.Rule}|{alert.Kind}",
    };

    private static string Describe(WatchSummary summary) =>
        $"{summary.Watch.Name}:{summary.Mentions}/{summary.Negative}/{summary.Positive}"
        + $" posts {string.Join(",", summary.TopPosts.Select(m => m.Post.Id))}"
        + $" people {string.Join(",", summary.TopPeople.Select(p => $"{p.Key}={p.Count}"))}"
        + $" terms {string.Join(",", summary.TopTerms.Select(t => $"{t.Key}={t.Count}"))}";
}
