namespace Monitro;

/// <summary>Settles many delivered alerts of the <see cref="IAlertOutbox"/> at once.</summary>
/// <remarks>
/// <para>A dispatcher that delivered a claimed batch marks the whole batch delivered in one durable write (one
/// transaction, one wait for the disk) instead of one per alert. Stores that implement it are used so by the
/// pipeline; for other outboxes it marks each alert with <see cref="IAlertOutbox.MarkDeliveredAsync"/>.</para>
/// <para>Implementations are thread-safe, and safe to share between processes where the store is.</para>
/// </remarks>
public interface IAlertOutboxBatchSettlement
{
    /// <summary>Marks entries delivered and removes them from the outbox, all of them or none.</summary>
    /// <param name="idempotencyKeys">The keys of the alerts; a key not in the outbox (already settled, or forgotten) is only recorded as delivered.</param>
    /// <param name="cancellationToken">A token that cancels the update before it starts.</param>
    /// <returns>A task that completes when the update is durable.</returns>
    ValueTask MarkAllDeliveredAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default);
}
