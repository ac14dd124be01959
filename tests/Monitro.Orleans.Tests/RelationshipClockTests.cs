using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Monitro.Orleans.Tests;

/// <summary>
/// Time-driven transitions in the cluster: people whose answer falls due with no new interaction are woken from the
/// wake-ups their grains stored, even after every grain lost its memory, raise what one process's scorer raises at that
/// moment, and each transition alert is delivered once per key, also when a rebuilt person raises it again.
/// </summary>
/// <remarks>
/// The clock is driven explicitly (<see cref="IClusterClockGrain.WakeDueAsync"/> with a chosen moment), as each
/// silo's timer drives it every <see cref="RelationshipOptions.AdvanceInterval"/>; the grains' memory is dropped by
/// deactivating them, which loses what a silo's death loses.
/// </remarks>
public sealed class RelationshipClockTests : InProcessClusterTests
{
    private const string Tenant = "acme";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private static readonly string[] People = ["mastodon:jane@example.social", "mastodon:lea@example.social", "mastodon:omar@example.social"];
    private readonly TestClusterStores _stores = new();
    private readonly InMemoryTenantWatchRegistry _registry = new();
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddMinutes(-10);
    private readonly IReadOnlyList<IReadOnlyList<Post>> _batches;

    public RelationshipClockTests()
    {
        _registry.Set(Tenant, new Watch { Name = "brand", Category = WatchCategory.Brand, Query = "acme" });
        _batches =
        [
            [
                Create("q1", "jane@example.social", 0, "is the acme shop open on sunday?"),
                Create("c1", "lea@example.social", 1, "acme broke my order and nobody answers, terrible service"),
                Create("q2", "omar@example.social", 2, "does acme ship to norway?"),
            ],
            [Create("a1", "acme@example.social", 3, "yes, acme ships to norway", replyTo: "q2")],
        ];
    }

    protected override short SiloCount => 2;

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddMonitroOrleans(options =>
        {
            options.ShardCount = 2;
            options.LeaseKeepAlivePeriod = TimeSpan.FromMilliseconds(200);
            options.Relationships.AlertOnEveryOverdueItem = true; // Jane's question as well as Lea's complaint
            var acme = new MonitroTenantOptions();
            acme.OwnAccounts.Add("mastodon:acme@example.social");
            options.Tenants[Tenant] = acme;
        });
        silo.Services.AddSingleton<IMonitroClusterStores>(_stores);
        silo.Services.AddSingleton<ITenantWatchRegistry>(_registry);
        silo.Services.AddSingleton<IListeningSource>(new ReplaySource("social", _batches));
    }

    protected override void Dispose(bool disposing) => _stores.Dispose();

    [Fact]
    public async Task WakeDue_AfterTheGrainsLostTheirMemory_RaisesWhatOneProcessRaises_EachKeyDeliveredOnce()
    {
        var cluster = Cluster;
        using var bound = new CancellationTokenSource(Bound);
        await WaitForLeaseAsync(cluster, bound.Token);
        var clock = cluster.Client.GetGrain<IClusterClockGrain>(0);

        // Nothing is due yet: the wake-ups are stored, and waking now raises nothing.
        var wakeUps = (await _stores.Tenant(Tenant).GetAlertStateAsync(bound.Token)).Where(r => r.Scope.StartsWith("cluster-wake-up|", StringComparison.Ordinal)).ToList();
        Assert.Contains(wakeUps, r => r.PersonId == People[0]);
        Assert.Contains(wakeUps, r => r.PersonId == People[1]);
        Assert.Equal(0, await clock.WakeDueAsync(DateTimeOffset.UtcNow, bound.Token));
        Assert.DoesNotContain(await _stores.DispatchAsync(Tenant, bound.Token), a => a.Kind == AlertKinds.RelationshipResponseOverdue);

        // Every person and the clock lose their memory; five hours later both questions' targets have passed.
        await ForgetAsync(cluster, clock);
        var wake = _start.AddHours(5);
        Assert.Equal(1, await clock.WakeDueAsync(wake, bound.Token));
        var overdue = (await _stores.DispatchAsync(Tenant, bound.Token)).Where(a => a.Kind == AlertKinds.RelationshipResponseOverdue).Select(a => a.IdempotencyKey).Order(StringComparer.Ordinal).ToList();

        // One process's scorer, given the same stored interactions and moved to the same moment, raises the same keys.
        Assert.Equal(await OneProcessOverdueAsync(wake, bound.Token), overdue);
        Assert.Equal(2, overdue.Count);
        Assert.Contains(overdue, key => key.Contains(People[0], StringComparison.Ordinal));
        Assert.Contains(overdue, key => key.Contains(People[1], StringComparison.Ordinal));

        // Woken again after losing memory once more, the people raise those keys again; none is delivered twice.
        await ForgetAsync(cluster, clock);
        foreach (var person in People[..2])
        {
            Assert.True(await cluster.Client.GetGrain<IPersonGrain>(Tenant + "\u001f" + person).AdvanceAsync(wake.AddMinutes(1), [person], bound.Token) >= 1);
        }

        _ = await clock.WakeDueAsync(wake.AddMinutes(2), bound.Token);
        Assert.DoesNotContain(await _stores.DispatchAsync(Tenant, bound.Token), a => a.Kind == AlertKinds.RelationshipResponseOverdue);
    }

    private async Task<List<string>> OneProcessOverdueAsync(DateTimeOffset wake, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddMonitro();
        services.Configure<RelationshipOptions>(static options => options.AlertOnEveryOverdueItem = true);
        await using var provider = services.BuildServiceProvider();
        var scorer = provider.GetRequiredService<IRelationshipScorer>();
        var history = await _stores.Tenant(Tenant).GetInteractionsAsync(new PageRequest(PageRequest.MaxPageSize), cancellationToken);
        foreach (var (interaction, person) in history.Items)
        {
            scorer.Record(interaction, person);
        }

        _ = scorer.Advance(_start.AddMinutes(10));
        return [.. scorer.Advance(wake).Where(t => t.Kind == RelationshipTransitionKind.ResponseOverdue).Select(t => t.Key).Order(StringComparer.Ordinal)];
    }

    private static async Task ForgetAsync(InProcessTestCluster cluster, IClusterClockGrain clock)
    {
        foreach (var person in People)
        {
            await cluster.DeactivateAsync(cluster.Client.GetGrain<IPersonGrain>(Tenant + "\u001f" + person));
        }

        await cluster.DeactivateAsync(clock);
    }

    private static async Task WaitForLeaseAsync(InProcessTestCluster cluster, CancellationToken cancellationToken)
    {
        while ((await cluster.Client.GetGrain<ISourceLeaseGrain>("social").GetStatusAsync(cancellationToken)).State != SourceLeaseState.Completed)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    private Post Create(string id, string handle, int minutes, string text, string? replyTo = null) => new()
    {
        Id = Post.CreateId("mastodon", id),
        Source = "mastodon",
        Author = new Author { Platform = "mastodon", Handle = handle },
        Text = text,
        CreatedAt = _start.AddMinutes(minutes),
        Language = "en",
        ReplyToId = replyTo is null ? null : Post.CreateId("mastodon", replyTo),
        ThreadId = replyTo is null ? null : Post.CreateId("mastodon", replyTo),
    };
}
