namespace Monitro.Storage.Testing;

/// <summary>
/// Forwards to a store, but holds the first scheduler check commit that saves a spike series until a batch with
/// mentions has committed after it: the two commits land in the order opposite to that in which their states were
/// taken, as they can when a batch and a check commit at the same moment.
/// </summary>
/// <typeparam name="TStore">The store that does the work.</typeparam>
internal sealed class CheckCommitHoldingStore<TStore>(TStore inner) : IMonitroStore, IAlertOutbox, IAlertStateStore
    where TStore : IMonitroStore, IAlertOutbox, IAlertStateStore
{
    private const string CheckSourceName = "monitro.alerting"; // the source name of the scheduler's digest and spike commits
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _batchCommitted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _checkCommitted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets a task that completes when a check commit is being held.</summary>
    public Task CheckHeld => _held.Task;

    /// <summary>Gets a task that completes when the held check commit has committed.</summary>
    public Task CheckCommitted => _checkCommitted.Task;

    public async ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default)
    {
        if (commit.SourceName == CheckSourceName
            && commit.AlertState?.Saved.Any(row => row.Scope.StartsWith("spike|", StringComparison.Ordinal)) == true
            && _held.TrySetResult())
        {
            try
            {
                await _batchCommitted.Task.WaitAsync(cancellationToken);
                await inner.CommitAsync(commit, cancellationToken);
                _checkCommitted.SetResult();
            }
            catch (Exception exception)
            {
                _checkCommitted.TrySetException(exception);
                throw;
            }

            return;
        }

        await inner.CommitAsync(commit, cancellationToken);
        if (commit.Mentions.Count > 0 && _held.Task.IsCompleted)
        {
            _batchCommitted.TrySetResult();
        }
    }

    public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default) =>
        inner.GetCheckpointAsync(sourceName, cancellationToken);

    public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default) =>
        inner.GetKnownPostIdsAsync(postIds, cancellationToken);

    public ValueTask<IReadOnlyList<AlertStateRow>> GetAlertStateAsync(CancellationToken cancellationToken = default) =>
        inner.GetAlertStateAsync(cancellationToken);

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
}
