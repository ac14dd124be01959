namespace Monitro.Orleans.Tests;

/// <summary>
/// A tenant store that counts what the alert owner reads from it: the whole reads of the alert state and every row
/// returned by a read, whole or by the due index. Everything else goes to the real store.
/// </summary>
internal sealed class CountingAlertStateStore<TStore>(TStore inner) : IMonitroStore, IFencedCommits, IAlertStateStore, IDueAlertStateStore
    where TStore : IMonitroStore, IFencedCommits, IAlertStateStore, IDueAlertStateStore
{
    /// <summary>Gets the number of times the whole alert state was read.</summary>
    public int WholeReads { get; private set; }

    /// <summary>Gets the number of rows every read returned.</summary>
    public int RowsRead { get; private set; }

    public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default) => inner.GetCheckpointAsync(sourceName, cancellationToken);

    public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default) => inner.GetKnownPostIdsAsync(postIds, cancellationToken);

    public ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default) => inner.CommitAsync(commit, cancellationToken);

    public ValueTask<long> AcquireEpochAsync(string sourceName, CancellationToken cancellationToken = default) => inner.AcquireEpochAsync(sourceName, cancellationToken);

    public ValueTask<bool> CommitFencedAsync(BatchCommit commit, long epoch, CancellationToken cancellationToken = default) => inner.CommitFencedAsync(commit, epoch, cancellationToken);

    public async ValueTask<IReadOnlyList<AlertStateRow>> GetAlertStateAsync(CancellationToken cancellationToken = default)
    {
        var rows = await inner.GetAlertStateAsync(cancellationToken);
        WholeReads++;
        RowsRead += rows.Count;
        return rows;
    }

    public async ValueTask<IReadOnlyList<AlertStateRow>> GetDueAlertStateAsync(DateTimeOffset upTo, int limit, AlertStateRow? after = null, CancellationToken cancellationToken = default)
    {
        var rows = await inner.GetDueAlertStateAsync(upTo, limit, after, cancellationToken);
        RowsRead += rows.Count;
        return rows;
    }
}
