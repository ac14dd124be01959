namespace Monitro.Benchmarks.Delivery;

/// <summary>
/// Forwards to a store's outbox but hides <see cref="IAlertOutboxBatchSettlement"/>, so the dispatcher marks each
/// delivered alert with its own write, as it does for a custom outbox that cannot settle a batch at once.
/// </summary>
internal sealed class SingleKeySettlementOutbox(IAlertOutbox inner) : IAlertOutbox
{
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
