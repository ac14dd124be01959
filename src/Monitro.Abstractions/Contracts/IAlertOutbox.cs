namespace Monitro;

/// <summary>
/// The durable queue of alerts between a store and the sinks: alerts enter it in the transaction that commits
/// their batch (<see cref="BatchCommit.Alerts"/>) and leave it once delivered or dead-lettered.
/// </summary>
/// <remarks>
/// <para>A dispatcher claims due entries for a lease, delivers them, and marks each delivered, failed (with the
/// time of the next attempt) or dead. An entry whose lease expires (the dispatcher crashed) becomes due again,
/// so every alert is delivered at least once, always with the same idempotency key.</para>
/// <para>Implementations are thread-safe, and safe to share between processes where the store is.</para>
/// </remarks>
public interface IAlertOutbox
{
    /// <summary>Claims up to <paramref name="maxCount"/> entries that are due and not leased, oldest first.</summary>
    /// <param name="maxCount">The most entries to claim.</param>
    /// <param name="leaseDuration">How long the claim holds before the entries become due again.</param>
    /// <param name="cancellationToken">A token that cancels the claim.</param>
    /// <returns>The claimed entries; empty when nothing is due.</returns>
    ValueTask<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Marks an entry delivered and removes it from the outbox.</summary>
    /// <param name="idempotencyKey">The key of the alert.</param>
    /// <param name="cancellationToken">A token that cancels the update.</param>
    /// <returns>A task that completes when the update is durable.</returns>
    ValueTask MarkDeliveredAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt and when to try again.</summary>
    /// <param name="idempotencyKey">The key of the alert.</param>
    /// <param name="failure">What went wrong (no secrets).</param>
    /// <param name="nextAttemptAt">When the entry becomes due again.</param>
    /// <param name="cancellationToken">A token that cancels the update.</param>
    /// <returns>A task that completes when the update is durable.</returns>
    ValueTask MarkFailedAsync(string idempotencyKey, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>Moves an entry to the dead letters after its last failed attempt.</summary>
    /// <param name="idempotencyKey">The key of the alert.</param>
    /// <param name="reason">Why it was given up (no secrets).</param>
    /// <param name="cancellationToken">A token that cancels the update.</param>
    /// <returns>A task that completes when the update is durable.</returns>
    ValueTask MoveToDeadLetterAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default);

    /// <summary>Finds which of the given alerts wait in the outbox: committed, and neither delivered nor given up.</summary>
    /// <param name="idempotencyKeys">The keys to look up.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The subset of <paramref name="idempotencyKeys"/> still in the outbox.</returns>
    /// <remarks>
    /// The pipeline asks it after a commit, so that it waits for the delivery of the alerts the outbox took, and not of
    /// those it refused (their key was settled before, or their post was retracted). The default answers that every
    /// key waits, which is right for an outbox that refuses nothing.
    /// </remarks>
    ValueTask<IReadOnlySet<string>> GetPendingKeysAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlySet<string>>(new HashSet<string>(idempotencyKeys, StringComparer.Ordinal));
}
