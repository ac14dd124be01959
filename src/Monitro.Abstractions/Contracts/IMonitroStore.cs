namespace Monitro;

/// <summary>Where the pipeline keeps what it found and where each source stands.</summary>
/// <remarks>
/// <para>Writes are idempotent upserts keyed by natural ids, and <see cref="CommitAsync"/> writes a batch's
/// results and its checkpoint atomically: after a crash the source resumes from the last committed
/// checkpoint and nothing is stored twice.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IMonitroStore
{
    /// <summary>Gets the last committed checkpoint of a source.</summary>
    /// <param name="sourceName">The name of the source instance.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The checkpoint, or <see langword="null"/> when the source never committed one.</returns>
    ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default);

    /// <summary>Finds which of the given post ids are already stored.</summary>
    /// <param name="postIds">The ids to look up.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The subset of <paramref name="postIds"/> that is stored.</returns>
    ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default);

    /// <summary>Commits a batch's results and its checkpoint in one transaction.</summary>
    /// <param name="commit">The batch results.</param>
    /// <param name="cancellationToken">A token that cancels the commit before it starts; a started commit completes or rolls back whole.</param>
    /// <returns>A task that completes when the commit is durable.</returns>
    ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default);
}
