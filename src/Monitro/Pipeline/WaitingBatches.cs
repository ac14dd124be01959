using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Monitro.Pipeline;

/// <summary>
/// Joins a batch with the batches of the same source already waiting behind it, so that they are processed and
/// committed as one: one store transaction, one alert routing and one relationship step instead of one per batch.
/// </summary>
/// <remarks>
/// <para>Only what is already waiting is joined: the processor never waits for more, so a quiet source's batches
/// are still committed one by one as they come, while a source that reads faster than the store commits gets
/// fewer, larger transactions. Each durable commit (write-ahead log frames, a sync) costs about the same for 11
/// rows as for 100, so most of a store's time per batch went to the commit itself.</para>
/// <para>What one commit guarantees holds for the joined batch: its posts, mentions, dead letters and the last
/// batch's checkpoint are committed together or not at all, so a restart resumes after the last committed
/// batch and nothing is committed twice. Batches with retractions are not joined: a retraction applies to what
/// the store holds when its own batch is processed, which joining could change.</para>
/// </remarks>
internal static class WaitingBatches
{
    /// <summary>The most posts and skipped items a joined batch holds; a batch larger than this is processed alone.</summary>
    public const int MaxItems = 4_096;

    /// <summary>Takes from <paramref name="queue"/> the batches of <paramref name="first"/>'s source waiting right behind it, up to <see cref="MaxItems"/>.</summary>
    /// <param name="first">A source batch just taken from the queue.</param>
    /// <param name="queue">The queue, read by this one caller only.</param>
    /// <param name="joined">How many batches the result stands for (1 when none was waiting).</param>
    /// <returns><paramref name="first"/>, or one batch with the posts and skipped items of all in order and the last checkpoint.</returns>
    // Per batch, copying its posts: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SourceWork Join(SourceWork first, ChannelReader<SourceWork> queue, out int joined)
    {
        joined = 1;
        if (!CanJoin(first, first.SourceName) || !queue.TryPeek(out var next) || !Fits(first, next, Size(first.Batch)))
        {
            return first;
        }

        var posts = new List<Post>(first.Batch.Posts);
        var skipped = new List<SkippedItem>(first.Batch.Skipped);
        var checkpoint = first.Batch.Checkpoint;
        while (queue.TryPeek(out next) && Fits(first, next, posts.Count + skipped.Count) && queue.TryRead(out next))
        {
            posts.AddRange(next.Batch.Posts);
            skipped.AddRange(next.Batch.Skipped);
            checkpoint = next.Batch.Checkpoint ?? checkpoint;
            joined++;
        }

        return first with { Batch = new SourceBatch { Posts = posts, Skipped = skipped, Checkpoint = checkpoint } };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Fits(SourceWork first, SourceWork next, int size) =>
        CanJoin(next, first.SourceName) && size + Size(next.Batch) <= MaxItems;

    /// <summary>Whether a queued item is a source batch of the source that may be joined (not an end mark, a check, or a batch with retractions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CanJoin(SourceWork work, string sourceName) =>
        work.Check is null && !work.IsEnd && work.Batch.Retractions.Count == 0 && string.Equals(work.SourceName, sourceName, StringComparison.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Size(SourceBatch batch) => batch.Posts.Count + batch.Skipped.Count;
}
