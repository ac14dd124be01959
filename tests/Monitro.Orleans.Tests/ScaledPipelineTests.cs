using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Orleans.Leases;

namespace Monitro.Orleans.Tests;

/// <summary>
/// The scaled-out batch path without a cluster: posts enriched as in one process, interactions and inbox items per
/// tenant, people updated once per interaction even when every batch is read again, and shard replicas sharing the load.
/// </summary>
public sealed class ScaledPipelineTests : IDisposable
{
    private const int ShardCount = 3;
    private const int Replicas = 3;
    private readonly TestClusterStores _stores = new();
    private readonly InMemoryTenantWatchRegistry _registry = new();
    private readonly IReadOnlyList<IReadOnlyList<Post>> _batches = ReplayData.Batches("replay", count: 6, size: 9);

    public ScaledPipelineTests()
    {
        foreach (var watch in ReplayData.Watches)
        {
            _registry.Set(watch.TenantId, watch.Watch);
        }
    }

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task Run_ThenEveryBatchReadAgainByFreshPeople_InteractionsOncePerPersonAndMentionsEnriched()
    {
        var first = new DirectLeaseWork(_stores, _registry, ShardCount, Replicas);
        await RunAsync(first);

        // A crash before the checkpoint, at its worst: the source is read again from the start by a new activation
        // whose people are new too (they rebuild from the store).
        await _stores.Leases.CommitAsync(new BatchCommit { SourceName = "replay", Checkpoint = new SourceCheckpoint("replay", "0") });
        await RunAsync(new DirectLeaseWork(_stores, _registry, ShardCount, Replicas));

        var posts = _batches.SelectMany(b => b).ToList();
        var expected = ReplayData.ExpectedInteractions(posts);
        var stored = new Dictionary<(string Tenant, string Person), int>();
        foreach (var tenantId in new[] { ReplayData.Acme, ReplayData.Globex })
        {
            foreach (var person in expected.Keys.Where(k => k.Tenant == tenantId).Select(k => k.Person))
            {
                var read = await _stores.Tenant(tenantId).GetInteractionsOfAsync(person, new PageRequest(PageRequest.MaxPageSize));
                stored[(tenantId, person)] = read.Items.Count;
            }

            // Mentions carry the signals read once per post; a question is an inbox item, as in one process.
            var mentions = await _stores.MentionsOfAsync(tenantId);
            Assert.All(mentions, m => Assert.NotNull(m.Signals));
            var question = mentions.FirstOrDefault(m => m.Post.Text.StartsWith("is the acme widget", StringComparison.Ordinal));
            if (question is not null)
            {
                Assert.Contains(question.Signals!.Intents, hit => hit.Label == IntentLabel.Question);
                var item = await _stores.Tenant(tenantId).GetItemAsync(question.Post.Id);
                Assert.Equal(InboxItemKind.Question, item?.Kind);
            }
        }

        Assert.Equal(expected.OrderBy(p => p.Key), stored.OrderBy(p => p.Key));
        Assert.True(expected.Values.Sum() > 20, $"{expected.Values.Sum()} interactions expected");

        // Every replica of every shard got a share of the posts.
        Assert.Equal(ShardCount * Replicas, first.Calls.Select(c => (c.Shard, c.Replica)).Distinct().Count());
    }

    [Fact]
    public async Task Run_ReplicasOfAShard_FindTheSameMentionsAsOneMatcherPerTenant()
    {
        await RunAsync(new DirectLeaseWork(_stores, _registry, ShardCount, Replicas));

        var expected = ReplayData.Expected(_batches.SelectMany(b => b));
        foreach (var (tenantId, pairs) in expected)
        {
            var stored = (await _stores.MentionsOfAsync(tenantId)).Select(m => (m.Watch.Name, m.Post.Id)).ToList();
            Assert.Equal(pairs.Order(), stored.Order());
        }
    }

    private async Task RunAsync(DirectLeaseWork work)
    {
        var runner = new SourceLeaseRunner(new ReplaySource("replay", _batches), _stores, _registry, work.Work, TimeProvider.System, NullLogger.Instance);
        await runner.RunAsync(CancellationToken.None);
        Assert.Equal(SourceLeaseState.Completed, runner.State);
    }
}
