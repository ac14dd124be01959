namespace Monitro.Testing;

/// <summary>
/// Forwards to an outbox but hides <see cref="IAlertOutboxBatchSettlement"/>, so the dispatcher marks each
/// delivered alert with its own write, as it does for a custom outbox that cannot settle a batch at once.
/// </summary>
/// <param name="inner">The outbox that does the work.</param>
public sealed class SingleKeySettlementOutbox(IAlertOutbox inner) : IAlertOutbox
{
    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        inner.ClaimDueAsync(maxCount, leaseDuration, cancellationToken);

    /// <inheritdoc/>
    public ValueTask MarkDeliveredAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        inner.MarkDeliveredAsync(idempotencyKey, cancellationToken);

    /// <inheritdoc/>
    public ValueTask MarkFailedAsync(string idempotencyKey, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default) =>
        inner.MarkFailedAsync(idempotencyKey, failure, nextAttemptAt, cancellationToken);

    /// <inheritdoc/>
    public ValueTask MoveToDeadLetterAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default) =>
        inner.MoveToDeadLetterAsync(idempotencyKey, reason, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlySet<string>> GetPendingKeysAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default) =>
        inner.GetPendingKeysAsync(idempotencyKeys, cancellationToken);
}
