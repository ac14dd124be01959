using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Outbox;
using Monitro.Pipeline;
using Monitro.Testing;

namespace Monitro.Tests.Pipeline;

/// <summary>
/// The batches of a source already waiting when the processor takes one are committed with it, in one transaction
/// with the last checkpoint; nothing else is joined, and nothing is waited for.
/// </summary>
public sealed class WaitingBatchesTests
{
    private readonly FakeTimeProvider _time = new(TestPosts.Epoch);

    [Fact]
    public async Task RunAsync_ThreeBatchesWaiting_AreCommittedOnceWithEveryMentionAndTheLastCheckpoint()
    {
        var store = new RecordingStore(new InMemoryMonitroStore(_time));
        var queue = Queue(Batch("mastodon", 1, 4), Batch("mastodon", 5, 8), Batch("mastodon", 9, 12));

        await NewProcessor(store).RunAsync(queue, output: null, default);

        var commit = Assert.Single(store.Commits);
        Assert.Equal(["mastodon:p2", "mastodon:p4", "mastodon:p6", "mastodon:p8", "mastodon:p10", "mastodon:p12"], commit.Mentions.Select(m => m.Post.Id));
        Assert.Equal("12", commit.Checkpoint!.Value);
        Assert.Equal("12", (await store.GetCheckpointAsync("mastodon"))!.Value);
        Assert.Equal(6, store.Inner.Mentions.Count);
    }

    [Fact]
    public async Task RunAsync_PostRepeatedInALaterWaitingBatch_IsCommittedOnce()
    {
        var store = new RecordingStore(new InMemoryMonitroStore(_time));
        var queue = Queue(Batch("mastodon", 1, 4), Batch("mastodon", 3, 6));

        await NewProcessor(store).RunAsync(queue, output: null, default);

        var commit = Assert.Single(store.Commits);
        Assert.Equal(["mastodon:p2", "mastodon:p4", "mastodon:p6"], commit.Mentions.Select(m => m.Post.Id));
    }

    [Fact]
    public void Join_StopsAtAnotherSourceAnEndMarkOrARetraction()
    {
        var retracting = Batch("mastodon", 9, 10) with { Batch = new SourceBatch { Retractions = ["mastodon:p1"] } };
        var queue = Queue(Batch("mastodon", 3, 4), Batch("bluesky", 5, 6), Batch("mastodon", 7, 8), SourceWork.EndOf("mastodon"), retracting);

        var first = WaitingBatches.Join(Batch("mastodon", 1, 2), queue, out var joined);
        Assert.Equal(2, joined);
        Assert.Equal(4, first.Batch.Posts.Count);
        Assert.Equal("4", first.Batch.Checkpoint!.Value);

        Assert.True(queue.TryRead(out var other));
        WaitingBatches.Join(other, queue, out joined);
        Assert.Equal(1, joined); // the next one is of another source

        Assert.True(queue.TryRead(out var third));
        WaitingBatches.Join(third, queue, out joined);
        Assert.Equal(1, joined); // the end mark is not joined

        Assert.True(queue.TryRead(out var end));
        Assert.True(end.IsEnd);
        Assert.True(queue.TryRead(out var last));
        Assert.Same(last, WaitingBatches.Join(last, queue, out joined)); // a batch with retractions stays alone
        Assert.Equal(1, joined);
    }

    [Fact]
    public void Join_NeverExceedsTheItemLimit()
    {
        var size = WaitingBatches.MaxItems / 3;
        var queue = Queue(Batch("mastodon", size + 1, 2 * size), Batch("mastodon", (2 * size) + 1, 3 * size), Batch("mastodon", (3 * size) + 1, 4 * size));

        var joined = WaitingBatches.Join(Batch("mastodon", 1, size), queue, out var count);

        Assert.Equal(3, count);
        Assert.Equal(3 * size, joined.Batch.Posts.Count);
        Assert.Equal((3 * size).ToString(CultureInfo.InvariantCulture), joined.Batch.Checkpoint!.Value);
        Assert.True(queue.TryRead(out var left)); // the fourth would pass the limit: it waits for the next commit
        Assert.Equal(size, left.Batch.Posts.Count);
    }

    private BatchProcessor NewProcessor(IMonitroStore store)
    {
        var services = PipelineTestServices.Create(store, _time) with
        {
            Matcher = new MentionMatcher([new Watch { Name = "acme", Category = WatchCategory.Brand, Query = "acme" }]),
        };
        return new BatchProcessor(services, new AlertCommitter(services, new InFlightAlerts(capacity: 100), () => { }));
    }

    private static ChannelReader<SourceWork> Queue(params SourceWork[] items)
    {
        var channel = Channel.CreateUnbounded<SourceWork>(new UnboundedChannelOptions { SingleReader = true });
        foreach (var item in items)
        {
            Assert.True(channel.Writer.TryWrite(item));
        }

        channel.Writer.Complete();
        return channel.Reader;
    }

    /// <summary>Posts <paramref name="from"/> to <paramref name="to"/> of a source, every second one about Acme, with the checkpoint after the last.</summary>
    private static SourceWork Batch(string source, int from, int to)
    {
        var posts = TestPosts.Numbered(to, matchEvery: 2).Skip(from - 1)
            .Select(post => source == "mastodon" ? post : post with { Id = Post.CreateId(source, post.Id.Split(':')[1]), Source = source, Author = post.Author with { Platform = source } })
            .ToList();
        return new(source, new SourceBatch { Posts = posts, Checkpoint = new SourceCheckpoint(source, to.ToString(CultureInfo.InvariantCulture)) });
    }
}
