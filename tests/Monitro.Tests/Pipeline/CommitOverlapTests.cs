using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Outbox;
using Monitro.Pipeline;
using Monitro.Testing;

namespace Monitro.Tests.Pipeline;

/// <summary>
/// While a batch commits (on the pipeline's commit thread), the next one is processed; its commit starts only after
/// the previous one completed, a failed commit ends the run before anything after it is written, and the posts of
/// the batch in flight are dropped from the next one whether or not the recent ids can hold them.
/// </summary>
public sealed class CommitOverlapTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(TestPosts.Epoch);
    private readonly CommitThread _commits = new(); // where the pipeline runs a store's commits (not the in-memory store's)

    public void Dispose() => _commits.Dispose();

    [Fact]
    public async Task RunAsync_BatchCommitting_TheNextIsProcessedMeanwhileAndCommittedAfterIt()
    {
        var store = new HeldStore(new InMemoryMonitroStore(_time));
        var queue = Channel.CreateUnbounded<SourceWork>(new UnboundedChannelOptions { SingleReader = true });
        queue.Writer.TryWrite(Batch(1, 4));
        var run = NewProcessor(store).RunAsync(queue.Reader, output: null, default);

        var first = await store.CommitStarted(0).WaitAsync(Patience);
        queue.Writer.TryWrite(Batch(5, 8));
        queue.Writer.Complete();

        // The second batch was matched and its candidates looked up while the first commit is still held.
        Assert.Equal(["mastodon:p6", "mastodon:p8"], await store.LookedUp(1).WaitAsync(Patience));
        Assert.True(store.LookedUpWhileHeld(1));
        Assert.False(store.CommitStarted(1).IsCompleted);
        Assert.Equal("Monitro commits", first.Thread);

        store.Release(0);
        await run.WaitAsync(Patience);

        Assert.Equal(["4", "8"], store.Commits.Select(commit => commit.Checkpoint!.Value));
        Assert.Equal(["mastodon:p2", "mastodon:p4", "mastodon:p6", "mastodon:p8"], store.Inner.Mentions.Select(m => m.Post.Id).Order());
        Assert.Equal("8", (await store.GetCheckpointAsync("mastodon"))!.Value);
    }

    [Fact]
    public async Task RunAsync_CommitFails_TheRunFailsAndNothingAfterItIsCommitted()
    {
        var store = new HeldStore(new InMemoryMonitroStore(_time)) { FailFirstCommit = true };
        var queue = Channel.CreateUnbounded<SourceWork>(new UnboundedChannelOptions { SingleReader = true });
        queue.Writer.TryWrite(Batch(1, 4));
        var run = NewProcessor(store).RunAsync(queue.Reader, output: null, default);

        await store.CommitStarted(0).WaitAsync(Patience);
        queue.Writer.TryWrite(Batch(5, 8));
        queue.Writer.Complete();
        await store.LookedUp(1).WaitAsync(Patience);
        store.Release(0);

        await Assert.ThrowsAsync<IOException>(() => run.WaitAsync(Patience));
        Assert.Single(store.Commits);
        Assert.Empty(store.Inner.Mentions);
        Assert.Null(await store.GetCheckpointAsync("mastodon"));
    }

    [Fact]
    public async Task RunAsync_NoRecentIdsAndAPostOfTheBatchCommitting_WaitsForThatCommitAndDropsThePostAsKnown()
    {
        var store = new HeldStore(new InMemoryMonitroStore(_time));
        var queue = Channel.CreateUnbounded<SourceWork>(); // counts what waits in it
        queue.Writer.TryWrite(Batch(1, 4));
        var run = NewProcessor(store, new MonitroOptions { DeduplicationCacheSize = 0 }).RunAsync(queue.Reader, output: null, default);

        await store.CommitStarted(0).WaitAsync(Patience);
        queue.Writer.TryWrite(Batch(3, 6)); // p4 is in the batch committing
        queue.Writer.Complete();
        while (queue.Reader.Count > 0)
        {
            await Task.Delay(10);
        }

        // The second batch is being processed: a processor that asked the store now would find p4 unknown.
        await Task.Delay(100);
        store.Release(0);
        await run.WaitAsync(Patience);

        Assert.Equal(["mastodon:p4", "mastodon:p6"], await store.LookedUp(1));
        Assert.False(store.LookedUpWhileHeld(1));
        Assert.Equal(["mastodon:p6"], store.Commits[1].Mentions.Select(m => m.Post.Id));
    }

    [Fact]
    public async Task RunAsync_DefaultRecentIdsAndAPostOfTheBatchCommitting_DropsItWithoutWaiting()
    {
        var store = new HeldStore(new InMemoryMonitroStore(_time));
        var queue = Channel.CreateUnbounded<SourceWork>(new UnboundedChannelOptions { SingleReader = true });
        queue.Writer.TryWrite(Batch(1, 4));
        var run = NewProcessor(store).RunAsync(queue.Reader, output: null, default);

        await store.CommitStarted(0).WaitAsync(Patience);
        queue.Writer.TryWrite(Batch(3, 6));
        queue.Writer.Complete();

        Assert.Equal(["mastodon:p6"], await store.LookedUp(1).WaitAsync(Patience));
        store.Release(0);
        await run.WaitAsync(Patience);

        Assert.Equal(["mastodon:p6"], store.Commits[1].Mentions.Select(m => m.Post.Id));
    }

    private BatchProcessor NewProcessor(IMonitroStore store, MonitroOptions? options = null)
    {
        var services = PipelineTestServices.Create(store, _time) with
        {
            Matcher = new MentionMatcher([new Watch { Name = "acme", Category = WatchCategory.Brand, Query = "acme" }]),
            Options = options ?? new MonitroOptions(),
        };
        return new BatchProcessor(services, new AlertCommitter(services, new InFlightAlerts(capacity: 100), () => { }, _commits));
    }

    /// <summary>Posts <paramref name="from"/> to <paramref name="to"/>, every second one about Acme, with the checkpoint after the last.</summary>
    private static SourceWork Batch(int from, int to) =>
        new("mastodon", new SourceBatch
        {
            Posts = TestPosts.Numbered(to, matchEvery: 2).Skip(from - 1).ToList(),
            Checkpoint = new SourceCheckpoint("mastodon", to.ToString(CultureInfo.InvariantCulture)),
        });

    /// <summary>
    /// An in-memory store whose first commit waits until the test releases it, and which tells the test when each
    /// commit starts (and on which thread) and which ids each look-up of known posts asked for.
    /// </summary>
    private sealed class HeldStore(InMemoryMonitroStore inner) : IMonitroStore, IAlertOutbox
    {
        private readonly Lock _gate = new();
        private readonly List<BatchCommit> _commits = [];
        private readonly List<TaskCompletionSource<(BatchCommit Commit, string? Thread)>> _started = [];
        private readonly List<TaskCompletionSource<IReadOnlyList<string>>> _lookUps = [];
        private readonly List<bool> _heldAtLookUp = [];
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public InMemoryMonitroStore Inner => inner;

        public bool FailFirstCommit { get; init; }

        public IReadOnlyList<BatchCommit> Commits
        {
            get
            {
                lock (_gate)
                {
                    return [.. _commits];
                }
            }
        }

        public Task<(BatchCommit Commit, string? Thread)> CommitStarted(int index) => Signal(_started, index).Task;

        public Task<IReadOnlyList<string>> LookedUp(int index) => Signal(_lookUps, index).Task;

        /// <summary>Whether the first commit was still held when the store was asked for known posts the <paramref name="index"/>th time.</summary>
        public bool LookedUpWhileHeld(int index)
        {
            lock (_gate)
            {
                return _heldAtLookUp[index];
            }
        }

        public void Release(int index)
        {
            Assert.Equal(0, index); // only the first commit is held
            _released.TrySetResult();
        }

        public async ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default)
        {
            int index;
            lock (_gate)
            {
                index = _commits.Count;
                _commits.Add(commit);
            }

            Signal(_started, index).TrySetResult((commit, Thread.CurrentThread.Name));
            if (index == 0)
            {
                await _released.Task.ConfigureAwait(false);
                if (FailFirstCommit)
                {
                    throw new IOException("disk full");
                }
            }

            await inner.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
        }

        public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default) =>
            inner.GetCheckpointAsync(sourceName, cancellationToken);

        public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default)
        {
            int index;
            lock (_gate)
            {
                index = _heldAtLookUp.Count;
                _heldAtLookUp.Add(_commits.Count > 0 && !_released.Task.IsCompleted);
            }

            var known = inner.GetKnownPostIdsAsync(postIds, cancellationToken);
            Signal(_lookUps, index).TrySetResult([.. postIds]);
            return known;
        }

        public ValueTask<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
            inner.ClaimDueAsync(maxCount, leaseDuration, cancellationToken);

        public ValueTask MarkDeliveredAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
            inner.MarkDeliveredAsync(idempotencyKey, cancellationToken);

        public ValueTask MarkFailedAsync(string idempotencyKey, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default) =>
            inner.MarkFailedAsync(idempotencyKey, failure, nextAttemptAt, cancellationToken);

        public ValueTask MoveToDeadLetterAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default) =>
            inner.MoveToDeadLetterAsync(idempotencyKey, reason, cancellationToken);

        public ValueTask<IReadOnlySet<string>> GetPendingKeysAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default) =>
            inner.GetPendingKeysAsync(idempotencyKeys, cancellationToken);

        private TaskCompletionSource<T> Signal<T>(List<TaskCompletionSource<T>> signals, int index)
        {
            lock (_gate)
            {
                while (signals.Count <= index)
                {
                    signals.Add(new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));
                }

                return signals[index];
            }
        }
    }
}
