namespace Monitro;

/// <summary>The <see cref="IFencedCommits"/> side of the in-memory store: source epochs and commits guarded by them.</summary>
public sealed partial class InMemoryMonitroStore : IFencedCommits
{
    private readonly Dictionary<string, long> _epochs = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is null or empty.</exception>
    public ValueTask<long> AcquireEpochAsync(string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var epoch = _epochs.GetValueOrDefault(sourceName) + 1;
            _epochs[sourceName] = epoch;
            return ValueTask.FromResult(epoch);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="commit"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The commit is not valid, as for <see cref="CommitAsync"/>. Nothing is written.</exception>
    public ValueTask<bool> CommitFencedAsync(BatchCommit commit, long epoch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        cancellationToken.ThrowIfCancellationRequested();

        // The lock is re-entrant: the check, the commit and the new epoch happen under one hold of it.
        lock (_gate)
        {
            if (_epochs.GetValueOrDefault(commit.SourceName) > epoch)
            {
                return ValueTask.FromResult(false);
            }

            // CommitAsync completes synchronously and validates before it changes anything, so an invalid commit
            // throws here and leaves the epoch as it was.
            CommitAsync(commit, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            _epochs[commit.SourceName] = epoch;
            return ValueTask.FromResult(true);
        }
    }
}
