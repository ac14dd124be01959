using System.Text.Json;
using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IAlertOutbox"/> side of the in-memory store.</summary>
/// <remarks>
/// An entry is due when its next attempt time has come and it holds no live lease. Delivered and dead-lettered
/// keys are remembered, so a replayed batch never enqueues them again.
/// </remarks>
public sealed partial class InMemoryMonitroStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> or <paramref name="leaseDuration"/> is zero or negative.</exception>
    public ValueTask<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            // One pass and an in-place sort of a list kept for claims: the query this replaces (its sort keys and
            // buffers) allocated about a quarter of what delivering an alert from this store did.
            var due = _claimBuffer;
            foreach (var slot in _outbox.Values)
            {
                if (slot.DueAt <= now && slot.LeaseUntil <= now)
                {
                    due.Add(slot);
                }
            }

            due.Sort(OutboxSlot.ClaimOrder);
            var claimed = new OutboxEntry[Math.Min(maxCount, due.Count)];
            for (var i = 0; i < claimed.Length; i++)
            {
                var slot = due[i];
                slot.LeaseUntil = now + leaseDuration;
                claimed[i] = new OutboxEntry(slot.Alert, slot.Attempts, slot.LastError) { EnqueuedAt = slot.EnqueuedAt };
            }

            due.Clear();
            return ValueTask.FromResult<IReadOnlyList<OutboxEntry>>(claimed);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="idempotencyKeys"/> is <see langword="null"/>.</exception>
    public ValueTask<IReadOnlySet<string>> GetPendingKeysAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlySet<string>>(
                idempotencyKeys.Where(key => key is not null && _outbox.ContainsKey(key)).ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <inheritdoc />
    /// <remarks>Marking a key that is not in the outbox (already settled, or forgotten) only records it as delivered.</remarks>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    public ValueTask MarkDeliveredAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Settle(idempotencyKey);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="failure"/> is <see langword="null"/>.</exception>
    public ValueTask MarkFailedAsync(string idempotencyKey, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ArgumentNullException.ThrowIfNull(failure);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_outbox.TryGetValue(idempotencyKey, out var slot))
            {
                slot.Attempts++;
                slot.LastError = StoreDiagnostics.Cut(failure, StoreDiagnostics.MaxReasonLength);
                slot.DueAt = nextAttemptAt;
                slot.LeaseUntil = DateTimeOffset.MinValue;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>The dead letter keeps the alert's JSON as its excerpt, so it can be looked at and sent by hand.</remarks>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public ValueTask MoveToDeadLetterAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ArgumentNullException.ThrowIfNull(reason);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            // Not in the outbox: already delivered, dead or forgotten.
            if (_outbox.Remove(idempotencyKey, out var slot))
            {
                RecordDeadLetter(
                    DeadLetterKinds.Alert,
                    DeadLetterKinds.Alert,
                    idempotencyKey,
                    StoreDiagnostics.Cut(reason, StoreDiagnostics.MaxReasonLength),
                    JsonSerializer.Serialize(slot.Alert, MonitroJsonContext.Default.Alert),
                    slot.PersonId,
                    slot.Alert,
                    slot.Attempts + 1,
                    now);
                _settledAlertKeys.Add(idempotencyKey, slot.Alert);
            }
        }

        return ValueTask.CompletedTask;
    }

    // Takes a delivered alert out of the outbox and remembers its key; a key no longer in the outbox was settled or forgotten.
    private void Settle(string idempotencyKey)
    {
        if (_outbox.Remove(idempotencyKey, out var slot))
        {
            _settledAlertKeys.Add(idempotencyKey, slot.Alert);
        }
        else
        {
            _settledAlertKeys.AddUnknown(idempotencyKey);
        }
    }
}
