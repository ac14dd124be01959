namespace Monitro;

/// <summary>
/// Batch commits guarded by an epoch (a fencing token), for hosts where two readers of one source can briefly run
/// at once, as a scaled-out source lease can while its cluster changes.
/// </summary>
/// <remarks>
/// <para>A reader takes a new epoch with <see cref="AcquireEpochAsync"/> when it starts and commits every batch with
/// it. The store keeps the highest epoch it has seen for each source and refuses a commit that carries a lower one,
/// in the same transaction as the write: once a newer reader has started, the older one cannot move the checkpoint
/// or store anything more.</para>
/// <para>Implementations are thread-safe, and where the store is shared between processes the epochs are too.</para>
/// </remarks>
public interface IFencedCommits
{
    /// <summary>Takes a new epoch for a source, higher than every epoch taken or committed with before.</summary>
    /// <param name="sourceName">The name of the source instance.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The new epoch, 1 for a source that never had one.</returns>
    ValueTask<long> AcquireEpochAsync(string sourceName, CancellationToken cancellationToken = default);

    /// <summary>Commits a batch like <see cref="IMonitroStore.CommitAsync"/>, unless a newer epoch of its source exists.</summary>
    /// <param name="commit">The batch results.</param>
    /// <param name="epoch">The epoch of the reader that produced the batch.</param>
    /// <param name="cancellationToken">A token that cancels the commit before it starts; a started commit completes or rolls back whole.</param>
    /// <returns>
    /// <see langword="true"/> when the batch was committed and <paramref name="epoch"/> is now the source's highest;
    /// <see langword="false"/> when a higher epoch exists, in which case nothing was written.
    /// </returns>
    ValueTask<bool> CommitFencedAsync(BatchCommit commit, long epoch, CancellationToken cancellationToken = default);
}
