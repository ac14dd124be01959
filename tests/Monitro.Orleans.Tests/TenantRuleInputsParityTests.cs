using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Monitro.Orleans.Tests;

/// <summary>
/// What a tenant's rules see in the cluster is what they see in one process: the role of a mention's author (a rule for
/// detractors takes Lea's post once her complaint made her one, not the complaint itself), the posts a source withdraws
/// (one retraction alert each, for a tenant with rules and one without), the tenant's own posts as mentions when it
/// counts them, and rules changed at run time through a reload of the tenant's configuration section. Each case runs
/// the same batches through two silos and through one process per tenant and compares the alerts delivered by key,
/// rule and kind, each delivered once, and the mentions stored.
/// </summary>
public sealed class TenantRuleInputsParityTests : InProcessClusterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TestClusterStores _cluster = new();
    private readonly TestClusterStores _single = new();
    private readonly InMemoryTenantWatchRegistry _registry = new();
    private readonly SemaphoreSlim _gate = new(0);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"monitro-tenant-rules-{Guid.NewGuid():N}.json");
    private readonly IConfigurationRoot _configuration;
    private readonly ITestOutputHelper _output;

    public TenantRuleInputsParityTests(ITestOutputHelper output)
    {
        _output = output;
        _registry.Set(TenantAlertPosts.Acme, TenantAlertPosts.Brand);
        _registry.Set(TenantAlertPosts.Globex, TenantAlertPosts.GlobexBrand);
        File.WriteAllText(_file, TenantRulePosts.Initial);
        _configuration = new ConfigurationBuilder().AddJsonFile(_file, optional: false, reloadOnChange: false).Build();
    }

    protected override short SiloCount => 2;

    [Fact]
    public async Task RolesRetractionsAndOwnPosts_ThroughTheClusterAndOneProcess_RaiseTheSameAlertsEachDeliveredOnce()
    {
        using var bound = new CancellationTokenSource(Bound);
        await ReadThroughClusterAsync(change: null, bound.Token);
        var acme = await CompareAsync(TenantAlertPosts.Acme, change: null, bound.Token);
        var globex = await CompareAsync(TenantAlertPosts.Globex, change: null, bound.Token);

        // Acme: the rule for detractors takes Lea's second post only (before her complaint she had no role), and the
        // retraction rule each withdrawn post; our own post is a stored mention that no rule takes.
        Assert.Equal(["brand|mastodon:a4|detractors|mention", "retracted|mastodon:a3|withdrawn|mention.retracted", "retracted|mastodon:never-seen|withdrawn|mention.retracted"], acme);
        Assert.Contains("brand|mastodon:a2", (await _cluster.MentionsOfAsync(TenantAlertPosts.Acme)).Select(m => m.Id));

        // Globex, without rules: one alert per mention, its own post included, and one per withdrawn post.
        Assert.Contains("globex-brand|mastodon:g1||mention", globex);
        Assert.Contains("retracted|mastodon:a3||mention.retracted", globex);
        Assert.Contains("retracted|mastodon:never-seen||mention.retracted", globex);
    }

    [Fact]
    public async Task RulesChangedAtRunTime_ReachTheNextBatchInEverySilo_AsInOneProcess()
    {
        using var bound = new CancellationTokenSource(Bound);
        var change = () =>
        {
            File.WriteAllText(_file, TenantRulePosts.Changed);
            _configuration.Reload();
        };
        await ReadThroughClusterAsync(change, bound.Token);

        var acme = await CompareAsync(TenantAlertPosts.Acme, change, bound.Token);
        var globex = await CompareAsync(TenantAlertPosts.Globex, change, bound.Token);

        // After the change Acme's new rule takes every mention and the old ones nothing; Globex, given rules, alerts
        // only the complaint, where before the change it alerted every mention.
        Assert.Contains("brand|mastodon:a5|everything|mention", acme);
        Assert.DoesNotContain(acme, line => line.Contains("|detractors|", StringComparison.Ordinal) || line.Contains("|withdrawn|", StringComparison.Ordinal));
        Assert.Contains("globex-brand|mastodon:g2||mention", globex);
        Assert.Contains("globex-brand|mastodon:g3|complaints|mention", globex);
        Assert.DoesNotContain(globex, line => line.StartsWith("globex-brand|mastodon:g4|", StringComparison.Ordinal));
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddMonitroOrleans(options =>
        {
            options.ShardCount = 2;
            options.LeaseKeepAlivePeriod = TimeSpan.FromMilliseconds(200);
        });
        silo.Services.Configure<MonitroOrleansOptions>(_configuration.GetSection("Monitro:Orleans"));
        silo.Services.AddSingleton<IMonitroClusterStores>(_cluster);
        silo.Services.AddSingleton<ITenantWatchRegistry>(_registry);
        silo.Services.AddSingleton<IListeningSource>(new ReplaySource("social", TenantRulePosts.Batches, _gate, retractions: TenantRulePosts.Retractions));
    }

    protected override void Dispose(bool disposing)
    {
        _cluster.Dispose();
        _single.Dispose();
        _gate.Dispose();
        File.Delete(_file);
    }

    // Releases the batches one at a time; the change, when given, comes after the first batch is committed.
    private async Task ReadThroughClusterAsync(Action? change, CancellationToken cancellationToken)
    {
        var lease = Cluster.Client.GetGrain<ISourceLeaseGrain>("social");
        for (var i = 0; i < TenantRulePosts.Batches.Count; i++)
        {
            _gate.Release();
            await TestClusters.UntilAsync(() => lease.GetStatusAsync(), s => s.Batches == i + 1, cancellationToken);
            if (i == 0)
            {
                change?.Invoke();
            }
        }
    }

    // The tenant's mention and retraction alerts of the cluster against one process's; also the stored mentions.
    private async Task<List<string>> CompareAsync(string tenantId, Action? change, CancellationToken cancellationToken)
    {
        File.WriteAllText(_file, TenantRulePosts.Initial);
        _configuration.Reload();
        var expected = await RunOneProcessAsync(tenantId, change, cancellationToken);
        var actual = await DescribeAsync(_cluster, tenantId, cancellationToken);
        foreach (var line in actual)
        {
            _output.WriteLine($"{tenantId}: {line}");
        }

        Assert.Equal(expected, actual);
        Assert.Equal(
            (await _single.MentionsOfAsync(tenantId)).Select(m => m.Id).Order(StringComparer.Ordinal),
            (await _cluster.MentionsOfAsync(tenantId)).Select(m => m.Id).Order(StringComparer.Ordinal));

        // Nothing is delivered twice: a later check and a second dispatcher find nothing new.
        _ = await Cluster.Client.GetGrain<ITenantAlertGrain>(tenantId).CheckAsync(DateTimeOffset.UtcNow, cancellationToken);
        Assert.Empty(await _cluster.DispatchAsync(tenantId, cancellationToken));
        return actual;
    }

    // One process for the tenant on its own store, configured from the same file section, reading the same batches.
    private async Task<List<string>> RunOneProcessAsync(string tenantId, Action? change, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(0);
        var sink = new RecordingSink();
        var services = new ServiceCollection();
        var section = _configuration.GetSection($"Monitro:Orleans:Tenants:{tenantId}");
        services.AddMonitro()
            .UseStore(_ => _single.OpenAnother(tenantId), static _ => { })
            .AddSource(new ReplaySource("social", TenantRulePosts.Batches, gate, retractions: TenantRulePosts.Retractions))
            .AddWatch(tenantId == TenantAlertPosts.Acme ? TenantAlertPosts.Brand : TenantAlertPosts.GlobexBrand)
            .AddSink(sink);
        services.Configure<MonitroOptions>(section);
        services.Configure<AlertingOptions>(section.GetSection("Alerting"));
        await using var provider = services.BuildServiceProvider();
        var run = provider.GetRequiredService<MentionMonitor>().RunAsync(cancellationToken);
        using var store = _single.OpenAnother(tenantId);
        for (var i = 0; i < TenantRulePosts.Batches.Count; i++)
        {
            gate.Release();
            var done = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await TestClusters.UntilAsync(() => store.GetCheckpointAsync("social", cancellationToken).AsTask(), c => c?.Value == done, cancellationToken);
            if (i == 0)
            {
                change?.Invoke();
            }
        }

        await run;
        return Describe(sink.Alerts);
    }

    private static async Task<List<string>> DescribeAsync(TestClusterStores stores, string tenantId, CancellationToken cancellationToken) =>
        Describe(await stores.DispatchAsync(tenantId, cancellationToken));

    // Mention and retraction alerts only: the person grains' transitions and the inbox's events are other tests' subject.
    private static List<string> Describe(IEnumerable<Alert> alerts) =>
        [.. alerts
            .Where(static a => a.Kind is AlertKinds.Mention or AlertKinds.MentionRetracted)
            .Select(static a => $"{a.IdempotencyKey}|{a.Rule}|{a.Kind}")
            .Order(StringComparer.Ordinal)];
}
