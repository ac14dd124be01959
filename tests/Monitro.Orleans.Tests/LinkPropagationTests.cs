using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Orleans.Leases;
using Monitro.Orleans.People;

namespace Monitro.Orleans.Tests;

/// <summary>
/// A link learnt by one source's lease reaches another lease of the same tenant that is already running, at its next
/// batch: its interactions go to the linked person's grain, with every identity of the person.
/// </summary>
public sealed class LinkPropagationTests : IDisposable
{
    private const string Tenant = "acme";
    private const string SamOnBluesky = "bluesky:sam.example.com";
    private const string SamOnMastodon = "mastodon:sam@example.social";
    private readonly TestClusterStores _stores = new();
    private readonly InMemoryTenantWatchRegistry _registry = new();
    private readonly InMemoryLinkVersions _links = new();
    private readonly MonitroOrleansOptions _settings = new() { ShardCount = 2 };

    public LinkPropagationTests() => _registry.Set(Tenant, new Watch { Name = "brand", Category = WatchCategory.Brand, Query = "acme" });

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task LinkLearntByOneLease_ReachesAnotherRunningLease_AtItsNextBatch()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var gate = new SemaphoreSlim(0);
        IReadOnlyList<IReadOnlyList<Post>> watching =
        [
            [ConversationPosts.Create("w1", "sam@example.social", 0, "acme skates arrived")],
            [ConversationPosts.Create("w2", "sam@example.social", 30, "acme skates still going strong, any news?")],
        ];
        IReadOnlyList<IReadOnlyList<Post>> proving =
        [
            [ConversationPosts.Create("p1", "sam.example.com", 10, "acme rocket skates, what a ride", platform: "bluesky")],
            [ConversationPosts.Create("p2", "sam@example.social", 20, "acme again, love the skates", verified: "https://sam.example.com/")],
        ];

        // The watching lease runs and has read the tenant's links (none yet) with its first batch.
        var watchingWork = Work();
        var watchingLease = Runner(new ReplaySource("watching", watching, gate), watchingWork);
        var watchingRun = watchingLease.RunAsync(bound.Token);
        gate.Release();
        while (watchingLease.Status.Batches < 1)
        {
            await Task.Delay(10, bound.Token);
        }

        // Another source's lease learns that both handles are Sam (one domain proven from both), and ends.
        var provingWork = Work();
        await Runner(new ReplaySource("proving", proving), provingWork).RunAsync(bound.Token);
        Assert.Contains(provingWork.PersonCalls, call => call.PersonId == SamOnBluesky && call.Posts.Contains(Post.CreateId("mastodon", "p2")));

        // The watching lease's next batch, with no restart, goes to the person both leases know.
        gate.Release();
        await watchingRun.WaitAsync(bound.Token);
        Assert.Equal(SourceLeaseState.Completed, watchingLease.State);
        var before = Assert.Single(watchingWork.PersonCalls, call => call.Posts.Contains(Post.CreateId("mastodon", "w1")));
        Assert.Equal(SamOnMastodon, before.PersonId);
        var after = Assert.Single(watchingWork.PersonCalls, call => call.Posts.Contains(Post.CreateId("mastodon", "w2")));
        Assert.Equal(SamOnBluesky, after.PersonId);
        Assert.Equal([SamOnBluesky, SamOnMastodon], after.Identities.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Refresh_DomainProvenByAnotherIdentityAtAnotherLease_LinksThemAndSavesTheLink()
    {
        // Two leases saw one domain proven at once, each by another identity; the store kept the second lease's row.
        var first = new TenantIdentities([], [], mergeByVerifiedDomain: true);
        var second = new TenantIdentities([], [], mergeByVerifiedDomain: true);
        first.Observe(new Author { Platform = "bluesky", Handle = "sam.example.com" });
        second.Observe(new Author { Platform = "mastodon", Handle = "sam@example.social", VerifiedLinks = [new Uri("https://sam.example.com/")] });
        Assert.True(first.TakeLearnt());
        _ = first.TakeUnsaved();
        var stored = second.TakeUnsaved();

        first.Refresh(stored);

        Assert.Equal([SamOnBluesky, SamOnMastodon], first.GroupOf(SamOnMastodon).Identities);
        Assert.True(first.TakeLearnt());
        var link = Assert.Single(first.TakeUnsaved());
        Assert.Equal("link|" + SamOnMastodon, link.Scope); // the row one process saves for a link
        Assert.Equal(SamOnBluesky, link.Item);

        // Reading the same rows again learns nothing new.
        first.Refresh(stored);
        Assert.False(first.TakeLearnt());
        Assert.Empty(first.TakeUnsaved());
    }

    private DirectLeaseWork Work() => new(_stores, _registry, _settings.ShardCount, settings: _settings, links: _links);

    private SourceLeaseRunner Runner(IListeningSource source, DirectLeaseWork work) =>
        new(source, _stores, _registry, work.Work, TimeProvider.System, NullLogger.Instance);
}
