namespace Monitro;

/// <summary>
/// Reads posts from one place (a feed, a timeline, a stream, a file). A source fetches; it never decides
/// what is relevant.
/// </summary>
/// <remarks>
/// <para>A source yields batches, each carrying the checkpoint that resumes right after it. Finite sources
/// (a file replay) complete when they reach the end; polling and streaming sources run until cancelled.</para>
/// <para>Malformed items are reported in <see cref="SourceBatch.Skipped"/> rather than thrown, so the rest of
/// the batch goes on. An exception ends the current read; the pipeline logs it, waits with backoff and calls
/// <see cref="ReadAsync"/> again from the last checkpoint.</para>
/// </remarks>
public interface IListeningSource
{
    /// <summary>Gets the unique name of this source instance; checkpoints, metrics and logs are keyed by it.</summary>
    string Name { get; }

    /// <summary>Reads batches, starting right after <paramref name="checkpoint"/>.</summary>
    /// <param name="checkpoint">The checkpoint to resume from, or <see langword="null"/> on the first run.</param>
    /// <param name="cancellationToken">A token that stops reading.</param>
    /// <returns>The batches, in order.</returns>
    IAsyncEnumerable<SourceBatch> ReadAsync(SourceCheckpoint? checkpoint, CancellationToken cancellationToken = default);
}
