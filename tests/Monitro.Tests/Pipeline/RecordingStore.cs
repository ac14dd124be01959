namespace Monitro.Tests.Pipeline;

/// <summary>An in-memory store that keeps every commit it was given, and can fail the next one as a full disk would.</summary>
internal sealed class RecordingStore(InMemoryMonitroStore inner) : IMonitroStore
{
    private readonly Lock _gate = new();
    private readonly List<BatchCommit> _commits = [];
    private bool _failNextCommit;

    /// <summary>Gets the store that keeps the data, and whose outbox holds the committed alerts.</summary>
    public InMemoryMonitroStore Inner => inner;

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

    public bool FailNextCommit
    {
        get
        {
            lock (_gate)
            {
                return _failNextCommit;
            }
        }

        set
        {
            lock (_gate)
            {
                _failNextCommit = value;
            }
        }
    }

    public ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_failNextCommit)
            {
                _failNextCommit = false;
                throw new IOException("disk full");
            }

            _commits.Add(commit);
        }

        return inner.CommitAsync(commit, cancellationToken);
    }

    public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default) =>
        inner.GetCheckpointAsync(sourceName, cancellationToken);

    public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default) =>
        inner.GetKnownPostIdsAsync(postIds, cancellationToken);
}
