namespace Monitro.Testing;

/// <summary>
/// An outbox that forwards every call to another; test doubles derive from it and override only the calls they
/// watch or change.
/// </summary>
/// <param name="inner">The outbox that does the work.</param>
public class ForwardingAlertOutbox(IAlertOutbox inner) : IAlertOutbox
{
    /// <inheritdoc/>
    public virtual ValueTask<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        inner.ClaimDueAsync(maxCount, leaseDuration, cancellationToken);

    /// <inheritdoc/>
    public virtual ValueTask MarkDeliveredAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        inner.MarkDeliveredAsync(idempotencyKey, cancellationToken);

    /// <inheritdoc/>
    public virtual ValueTask MarkFailedAsync(string idempotencyKey, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default) =>
        inner.MarkFailedAsync(idempotencyKey, failure, nextAttemptAt, cancellationToken);

    /// <inheritdoc/>
    public virtual ValueTask MoveToDeadLetterAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default) =>
        inner.MoveToDeadLetterAsync(idempotencyKey, reason, cancellationToken);

    /// <inheritdoc/>
    public virtual ValueTask<IReadOnlySet<string>> GetPendingKeysAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default) =>
        inner.GetPendingKeysAsync(idempotencyKeys, cancellationToken);
}
