using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitro.Orleans.People;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Monitro.Orleans.Tests;

/// <summary>
/// The cluster's clock under a silo kill, on a fake clock: the silo holding the clock is killed before an hourly digest
/// closes and before a complaint's answer falls due; once the fake time passes both, the digest goes out once with every
/// mention and each overdue answer is raised once, and waking the tenant again after every grain lost its memory (the
/// killed activation's work retried) delivers nothing twice.
/// </summary>
/// <remarks>
/// Monitro's clock in the silos is a fake one (<see cref="ClusterClock"/>): each silo's period fires only when the test
/// moves it, while Orleans keeps the real clock for membership. Nothing calls the tenant's alert grain or the clock
/// directly until the end: the periods of the live silos do the work.
/// </remarks>
public sealed class ClockSiloKillTests(ITestOutputHelper output) : InProcessClusterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(180);
    private readonly TestClusterStores _stores = new();
    private readonly InMemoryTenantWatchRegistry _registry = BrandOfAcme();
    private readonly FakeTimeProvider _time = new(TenantAlertPosts.Moments[0]);

    protected override short SiloCount => 3;

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.AddSingleton(new ClusterClock(_time));
        silo.AddMonitroOrleans(options =>
        {
            options.ShardCount = 2;
            options.LeaseKeepAlivePeriod = TimeSpan.FromMilliseconds(200);
            options.Relationships.AlertOnEveryOverdueItem = true;
            var acme = new MonitroTenantOptions();
            acme.OwnAccounts.Add("mastodon:acme@example.social");
            acme.Alerting.Rules.Add(new AlertRuleOptions { Name = "hourly", Mode = AlertMode.Digest, Period = DigestPeriod.Hourly });
            acme.Alerting.Rules.Add(new AlertRuleOptions { Name = "care", Kinds = { AlertKinds.RelationshipResponseOverdue } });
            options.Tenants[TenantAlertPosts.Acme] = acme;
        });
        silo.Services.AddSingleton<IMonitroClusterStores>(_stores);
        silo.Services.AddSingleton<ITenantWatchRegistry>(_registry);
        silo.Services.AddSingleton<IListeningSource>(new ReplaySource("social", TenantAlertPosts.Batches));
    }

    protected override void Dispose(bool disposing) => _stores.Dispose();

    [Fact]
    public async Task ClockSiloKilledBeforeADigestAndAWakeUp_BothHappenOnceWhenTheFakeTimeMoves()
    {
        using var bound = new CancellationTokenSource(Bound);
        var cluster = Cluster;
        var client = cluster.Client;
        await TestClusters.UntilAsync(() => client.GetGrain<ISourceLeaseGrain>("social").GetStatusAsync(), s => s.State == SourceLeaseState.Completed, bound.Token);

        // What is due is in the store: the open window's next check and the people's wake-ups, all after the fake now.
        var store = _stores.Tenant(TenantAlertPosts.Acme);
        var wakeUps = (await store.GetAlertStateAsync(bound.Token)).Where(r => r.Scope.StartsWith(PersonWakeUp.ScopePrefix, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(wakeUps);
        Assert.All(wakeUps, r => Assert.True(r.DueAt > _time.GetUtcNow()));
        var windowEnd = TenantAlertPosts.Hour.AddHours(1);
        Assert.Empty(await _stores.DispatchAsync(TenantAlertPosts.Acme, bound.Token));

        // The leases and the grains told the clock, so it is active: kill its silo; the tenant's alert grain and the
        // people lose their silo too when they share it, and their memory otherwise.
        var victim = await TestClusters.SiloOfAsync(cluster, "ClusterClockGrain", "");
        output.WriteLine($"killing {victim.SiloAddress}, the silo of the cluster's clock");
        await cluster.KillSiloAsync(victim);
        await DropMemoryAsync(cluster, wakeUps);

        // The fake time passes the window's end and every wake-up; each live silo's period fires as it moves.
        var latest = wakeUps.Max(r => r.DueAt!.Value);
        _time.SetUtcNow((latest > windowEnd ? latest : windowEnd).AddMinutes(1));
        var delivered = new List<Alert>();
        while (true)
        {
            await Task.Delay(500, bound.Token);
            delivered.AddRange(await _stores.DispatchAsync(TenantAlertPosts.Acme, bound.Token));
            var stillDue = await store.GetDueAlertStateAsync(_time.GetUtcNow(), 1, cancellationToken: bound.Token);
            if (stillDue.Count == 0 && delivered.Any(a => a.Kind == AlertKinds.Digest))
            {
                delivered.AddRange(await _stores.DispatchAsync(TenantAlertPosts.Acme, bound.Token));
                break;
            }

            _time.Advance(TimeSpan.FromMinutes(1)); // the next period, for a call that reached the dead silo
        }

        foreach (var alert in delivered)
        {
            output.WriteLine(alert.IdempotencyKey);
        }

        var digest = Assert.Single(delivered, a => a.Kind == AlertKinds.Digest);
        Assert.Equal(10, Assert.Single(digest.Digest!.Watches).Mentions);
        Assert.Contains(delivered, a => a.Kind == AlertKinds.RelationshipResponseOverdue && a.IdempotencyKey.Contains("lea@example.social", StringComparison.Ordinal));
        Assert.Equal(delivered.Count, delivered.Select(a => a.IdempotencyKey).Distinct(StringComparer.Ordinal).Count());

        // The work retried: every grain loses its memory again and the tenant is woken at the same moment; the people
        // raise their transitions again under the same keys and the window is gone: nothing is delivered twice.
        await DropMemoryAsync(cluster, wakeUps);
        var clock = client.GetGrain<IClusterClockGrain>(0);
        await cluster.DeactivateAsync(clock);
        _ = await clock.WakeDueAsync(_time.GetUtcNow(), bound.Token);
        foreach (var row in wakeUps)
        {
            Assert.True(PersonWakeUp.TryRead(row, out var person, out _, out var identities));
            _ = await client.GetGrain<IPersonGrain>(TenantAlertPosts.Acme + "\u001f" + person).AdvanceAsync(_time.GetUtcNow(), identities, bound.Token);
        }

        _ = await client.GetGrain<ITenantAlertGrain>(TenantAlertPosts.Acme).CheckAsync(_time.GetUtcNow(), bound.Token);
        Assert.Empty(await _stores.DispatchAsync(TenantAlertPosts.Acme, bound.Token));
    }

    // Deactivating loses what a silo's death loses; a grain on the dead silo is reached anew, which the poll retries.
    private static async Task DropMemoryAsync(InProcessTestCluster cluster, List<AlertStateRow> wakeUps)
    {
        using var bound = new CancellationTokenSource(Bound);
        await TestClusters.UntilAsync(async () => { await cluster.DeactivateAsync(cluster.Client.GetGrain<ITenantAlertGrain>(TenantAlertPosts.Acme)); return true; }, _ => true, bound.Token);
        foreach (var row in wakeUps)
        {
            Assert.True(PersonWakeUp.TryRead(row, out var person, out _, out _));
            var grain = cluster.Client.GetGrain<IPersonGrain>(TenantAlertPosts.Acme + "\u001f" + person);
            await TestClusters.UntilAsync(async () => { await cluster.DeactivateAsync(grain); return true; }, _ => true, bound.Token);
        }
    }

    private static InMemoryTenantWatchRegistry BrandOfAcme()
    {
        var registry = new InMemoryTenantWatchRegistry();
        registry.Set(TenantAlertPosts.Acme, TenantAlertPosts.Brand);
        return registry;
    }
}
