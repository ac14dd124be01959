using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Outbox;
using Monitro.Pipeline;
using Monitro.Testing;

namespace Monitro.Tests.Pipeline;

/// <summary>
/// A post that matches no watch and belongs to no conversation with us costs a read and a match: it is not looked up
/// in the store. What can be stored is still looked up, so a post committed before is not processed twice.
/// </summary>
public sealed class BatchProcessorTests
{
    private readonly FakeTimeProvider _time = new(TestPosts.Epoch);

    [Fact]
    public async Task ProcessAsync_MostPostsMatchNothing_OnlyTheMatchingOnesAreLookedUpInTheStore()
    {
        var store = new LookupRecordingStore(new InMemoryMonitroStore(_time));
        var processor = NewProcessor(store);

        var mentions = await processor.ProcessAsync(Batch(TestPosts.Numbered(12, matchEvery: 4)), default);

        Assert.Equal(["mastodon:p4", "mastodon:p8", "mastodon:p12"], mentions.Select(m => m.Post.Id));
        Assert.Equal(["mastodon:p4", "mastodon:p8", "mastodon:p12"], Assert.Single(store.LookedUp));
        Assert.Equal(3, store.Inner.Mentions.Count);
    }

    [Fact]
    public async Task ProcessAsync_NothingMatches_TheStoreIsNotAskedAndTheCheckpointIsCommitted()
    {
        var store = new LookupRecordingStore(new InMemoryMonitroStore(_time));
        var processor = NewProcessor(store);

        var mentions = await processor.ProcessAsync(Batch(TestPosts.Numbered(5, matchEvery: 100)), default);

        Assert.Empty(mentions);
        Assert.Empty(store.LookedUp);
        Assert.Equal("5", (await store.GetCheckpointAsync("mastodon"))!.Value);
    }

    [Fact]
    public async Task ProcessAsync_MatchingPostCommittedBefore_IsDroppedAsKnown()
    {
        var posts = TestPosts.Numbered(4, matchEvery: 2);
        var store = new LookupRecordingStore(new InMemoryMonitroStore(_time));
        await NewProcessor(store).ProcessAsync(Batch(posts), default);

        // A new run (no memory of recent posts) reads the same posts again: the store's look-up keeps them from a second commit.
        var again = await NewProcessor(store).ProcessAsync(Batch(posts), default);

        Assert.Empty(again);
        Assert.Equal(["mastodon:p2", "mastodon:p4"], store.LookedUp[1]);
        Assert.Equal(2, store.Inner.Mentions.Count);
    }

    [Fact]
    public async Task ProcessAsync_ReplyToOurPostInTheSameBatch_IsKeptAsAConversationThoughItMatchesNothing()
    {
        var store = new LookupRecordingStore(new InMemoryMonitroStore(_time));
        var ours = TestPosts.Create("1", "thanks for writing to us", handle: "acme@example.social");
        var reply = TestPosts.Create("2", "you are welcome", handle: "jane@example.social", replyToId: ours.Id, createdAt: TestPosts.Epoch.AddMinutes(1));
        var unrelated = TestPosts.Create("3", "nice weather", handle: "joe@example.social", createdAt: TestPosts.Epoch.AddMinutes(2));
        var processor = NewProcessor(store, options => options.OwnAccounts.Add("mastodon:acme@example.social"));

        await processor.ProcessAsync(Batch([ours, reply, unrelated]), default);

        Assert.Equal([ours.Id, reply.Id], Assert.Single(store.LookedUp));
        Assert.Equal([ours.Id, reply.Id], store.Inner.Posts.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_PostsReadAgainInTheNextBatch_AreDroppedWithoutAskingTheStore()
    {
        var posts = TestPosts.Numbered(4, matchEvery: 2);
        var store = new LookupRecordingStore(new InMemoryMonitroStore(_time));
        var processor = NewProcessor(store);
        await processor.ProcessAsync(Batch(posts), default);

        var again = await processor.ProcessAsync(Batch([.. posts, .. TestPosts.Numbered(2, prefix: "q")]), default);

        Assert.Equal(["mastodon:q1", "mastodon:q2"], again.Select(m => m.Post.Id));
        Assert.Equal(["mastodon:q1", "mastodon:q2"], store.LookedUp[1]);
        Assert.Equal(4, store.Inner.Mentions.Count);
    }

    [Fact]
    public async Task ProcessAsync_PostRepeatedInABatchLongerThanTheRecentIds_IsCommittedOnce()
    {
        // Two recent ids: by the time the repeat of p2 is read, they remember p5 and p6 only.
        var posts = TestPosts.Numbered(6, matchEvery: 2);
        var store = new LookupRecordingStore(new InMemoryMonitroStore(_time));
        var processor = NewProcessor(store, options => options.DeduplicationCacheSize = 2);

        var mentions = await processor.ProcessAsync(Batch([.. posts, posts[1]]), default);

        Assert.Equal(["mastodon:p2", "mastodon:p4", "mastodon:p6"], mentions.Select(m => m.Post.Id));
        Assert.Equal(["mastodon:p2", "mastodon:p4", "mastodon:p6"], store.Inner.Mentions.Select(m => m.Post.Id).Order(StringComparer.Ordinal));
    }

    private BatchProcessor NewProcessor(IMonitroStore store, Action<MonitroOptions>? configure = null)
    {
        var options = new MonitroOptions();
        configure?.Invoke(options);
        var services = PipelineTestServices.Create(store, _time) with
        {
            Matcher = new MentionMatcher([new Watch { Name = "acme", Category = WatchCategory.Brand, Query = "acme" }]),
            Options = options,
        };
        return new BatchProcessor(services, new AlertCommitter(services, new InFlightAlerts(capacity: 100), () => { }));
    }

    private static SourceWork Batch(List<Post> posts) =>
        new("mastodon", new SourceBatch { Posts = posts, Checkpoint = new SourceCheckpoint("mastodon", posts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) });

    /// <summary>A store that notes the ids of each known-post look-up.</summary>
    private sealed class LookupRecordingStore(InMemoryMonitroStore inner) : IMonitroStore
    {
        public InMemoryMonitroStore Inner => inner;

        public List<string[]> LookedUp { get; } = [];

        public ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default) => inner.CommitAsync(commit, cancellationToken);

        public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default) =>
            inner.GetCheckpointAsync(sourceName, cancellationToken);

        public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default)
        {
            LookedUp.Add([.. postIds]);
            return inner.GetKnownPostIdsAsync(postIds, cancellationToken);
        }
    }
}
