using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Monitro.Samples.Shared;

/// <summary>
/// Replays a JSON Lines file as if the posts were arriving now: before each batch goes to the pipeline, the virtual
/// clock moves to the batch's latest post, so digest windows, spike windows and relationship transitions happen at
/// the posts' own times instead of all at once on today's date (when every window and transition would already be
/// old). The posts of each quarter hour are handed over as one batch, one batch at a time: the next one waits until
/// the store has committed the previous one, so the pipeline never processes a batch while the clock already shows a
/// later one.
/// </summary>
/// <remarks>Shared by the samples that replay the bundled posts (each compiles this file).</remarks>
internal sealed class ClockedReplaySource : IListeningSource
{
    // The posts of one quarter hour go to the pipeline as one batch: waiting for each post's commit on its own made
    // the replay take three times as long, and windows an hour long do not see the difference.
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);

    // The store is polled on the real clock: the virtual one only moves with the posts.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private readonly JsonLinesReplaySource _posts;
    private readonly FakeTimeProvider _clock;
    private readonly IMonitroStore _store;
    private readonly Func<DateTimeOffset, CancellationToken, Task> _atEnd;

    /// <param name="name">The source name.</param>
    /// <param name="path">The JSON Lines file, in time order.</param>
    /// <param name="clock">The pipeline's clock, moved by this source only.</param>
    /// <param name="store">The pipeline's store, asked for the committed checkpoint.</param>
    /// <param name="atEnd">Called with the time of the last post once everything is committed; the source ends when it returns.</param>
    public ClockedReplaySource(string name, string path, FakeTimeProvider clock, IMonitroStore store, Func<DateTimeOffset, CancellationToken, Task> atEnd)
    {
        // Read one post at a time and group them by quarter hour here: the pipeline routes a batch at one moment, and
        // batches of 16 posts were hours long and piled whole hours into one spike window.
        _posts = new JsonLinesReplaySource(name, new JsonLinesSourceOptions { Path = path, BatchSize = 1 });
        _clock = clock;
        _store = store;
        _atEnd = atEnd;
    }

    /// <inheritdoc />
    public string Name => _posts.Name;

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceCheckpoint? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var previous = checkpoint;
        var pending = new List<SourceBatch>();
        long? pendingSlot = null;
        await foreach (var batch in _posts.ReadAsync(checkpoint, cancellationToken).ConfigureAwait(false))
        {
            long? slot = batch.Posts.Count == 0 ? null : SlotOf(batch.Posts.Max(post => post.CreatedAt));
            if (slot is not null && pendingSlot is not null && slot != pendingSlot)
            {
                var combined = Combine(pending);
                pending.Clear();
                await WaitForCommitAsync(previous, cancellationToken).ConfigureAwait(false);
                MoveClockTo(LatestPostTime(combined));
                yield return combined;
                previous = combined.Checkpoint ?? previous;
            }

            pending.Add(batch);
            pendingSlot = slot ?? pendingSlot;
        }

        if (pending.Count > 0)
        {
            var last = Combine(pending);
            await WaitForCommitAsync(previous, cancellationToken).ConfigureAwait(false);
            MoveClockTo(LatestPostTime(last));
            yield return last;
            previous = last.Checkpoint ?? previous;
        }

        await WaitForCommitAsync(previous, cancellationToken).ConfigureAwait(false);
        await _atEnd(_clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    // The quarter hour a post belongs to; a slot never straddles an hour, so every post still lands in the hourly
    // digest window and the spike window of its own time.
    private static long SlotOf(DateTimeOffset time) => time.UtcTicks / Slot.Ticks;

    private DateTimeOffset LatestPostTime(SourceBatch batch) => batch.Posts.Count == 0 ? _clock.GetUtcNow() : batch.Posts.Max(post => post.CreatedAt);

    private static SourceBatch Combine(List<SourceBatch> batches) => batches.Count == 1 ? batches[0] : new SourceBatch
    {
        Posts = [.. batches.SelectMany(batch => batch.Posts)],
        Retractions = [.. batches.SelectMany(batch => batch.Retractions)],
        Skipped = [.. batches.SelectMany(batch => batch.Skipped)],
        Checkpoint = batches.LastOrDefault(batch => batch.Checkpoint is not null)?.Checkpoint,
    };

    /// <summary>Moves the clock forward (never back: posts a little out of order keep the latest time).</summary>
    public void MoveClockTo(DateTimeOffset time)
    {
        if (time > _clock.GetUtcNow())
        {
            _clock.SetUtcNow(time);
        }
    }

    private async Task WaitForCommitAsync(SourceCheckpoint? expected, CancellationToken cancellationToken)
    {
        if (expected is null)
        {
            return;
        }

        var waited = TimeSpan.Zero;
        while ((await _store.GetCheckpointAsync(Name, cancellationToken).ConfigureAwait(false))?.Value != expected.Value)
        {
            if (waited >= MaxWait)
            {
                // Only the clock's precision depends on this wait: a stalled commit must not stop the replay.
                return;
            }

            await Task.Delay(PollInterval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            waited += PollInterval;
        }
    }

    /// <summary>Gets the time of the file's first valid post, where a replay's clock starts.</summary>
    public static async Task<DateTimeOffset> FirstPostTimeAsync(string path, CancellationToken cancellationToken = default)
    {
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (JsonSerializer.Deserialize(line, MonitroJsonContext.Default.Post) is { } post)
                {
                    return post.CreatedAt;
                }
            }
            catch (JsonException)
            {
                // A bad line: the pipeline reports it; the clock starts at the first good one.
            }
        }

        return TimeProvider.System.GetUtcNow();
    }
}
