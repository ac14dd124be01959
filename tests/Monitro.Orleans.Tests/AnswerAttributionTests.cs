using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Orleans.Leases;

namespace Monitro.Orleans.Tests;

/// <summary>
/// Our answer read by a new activation of the lease, whose memory of recent authors started empty, is still an outbound
/// interaction of the person answered and closes their item: the person comes from the tenant's store.
/// </summary>
public sealed class AnswerAttributionTests : IDisposable
{
    private const string Tenant = "acme";
    private const string OwnAccount = "mastodon:acme@example.social";
    private readonly TestClusterStores _stores = new();
    private readonly InMemoryTenantWatchRegistry _registry = new();
    private readonly MonitroOrleansOptions _settings = new() { ShardCount = 2 };

    public AnswerAttributionTests()
    {
        _registry.Set(Tenant, new Watch { Name = "brand", Category = WatchCategory.Brand, Query = "acme" });
        var acme = new MonitroTenantOptions();
        acme.OwnAccounts.Add(OwnAccount);
        _settings.Tenants[Tenant] = acme;
    }

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task AnswerReadByANewLeaseActivation_IsAnOutboundInteractionOfThePersonAnswered_AndClosesTheItem()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        IReadOnlyList<IReadOnlyList<Post>> batches =
        [
            [ConversationPosts.Create("q1", "jane@example.social", 0, "is the acme shop open on sunday?", thread: "q1")],
            [
                ConversationPosts.Create("a1", "acme@example.social", 30, "yes, acme opens 9 to 5 on sunday", replyTo: "q1", thread: "q1"),
                ConversationPosts.Create("a9", "acme@example.social", 31, "glad you like acme", replyTo: "never-kept", thread: "never-kept"),
            ],
        ];

        // The first activation reads the question and ends; the second starts from the checkpoint with nothing in memory.
        await RunAsync(new ReplaySource("social", batches.Take(1).ToList()), bound.Token);
        Assert.Equal(new SourceCheckpoint("social", "1"), await _stores.Leases.GetCheckpointAsync("social", bound.Token));
        await RunAsync(new ReplaySource("social", batches), bound.Token);

        var store = _stores.Tenant(Tenant);
        var jane = "mastodon:jane@example.social";
        var history = (await store.GetInteractionsOfAsync(jane, new PageRequest(PageRequest.MaxPageSize), bound.Token)).Items.Select(r => r.Interaction).ToList();
        Assert.Equal([InteractionDirection.Inbound, InteractionDirection.Outbound], history.Select(i => i.Direction));
        Assert.Equal(Interaction.CreateId(Post.CreateId("mastodon", "a1"), jane), history[1].Id);
        Assert.Equal(InteractionKind.Reply, history[1].Kind);
        var item = await store.GetItemAsync(Post.CreateId("mastodon", "q1"), bound.Token);
        Assert.Equal(InboxItemState.Resolved, item!.State);
        Assert.Equal(Post.CreateId("mastodon", "a1"), item.AnsweredByPostId);

        // An answer to a post the tenant never kept is attributed to nobody, as in one process.
        var all = await store.GetInteractionsAsync(new PageRequest(PageRequest.MaxPageSize), bound.Token);
        Assert.DoesNotContain(all.Items, r => r.Interaction.PostId == Post.CreateId("mastodon", "a9"));
    }

    // One activation of the lease: its own matchers, memory and people, as a new activation on another silo has.
    private async Task RunAsync(IListeningSource source, CancellationToken cancellationToken)
    {
        var runner = new SourceLeaseRunner(source, _stores, _registry, new DirectLeaseWork(_stores, _registry, _settings.ShardCount, settings: _settings).Work, TimeProvider.System, NullLogger.Instance);
        await runner.RunAsync(cancellationToken);
        Assert.Equal(SourceLeaseState.Completed, runner.State);
    }
}
