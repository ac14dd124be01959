using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IAlertDeadLetters"/> side of the in-memory store.</summary>
public sealed partial class InMemoryMonitroStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    public ValueTask<bool> RedriveAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Requeue(letter => letter.Position == idempotencyKey) > 0);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="sinkName"/> is null or empty.</exception>
    public ValueTask<int> RedriveSinkAsync(string sinkName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sinkName);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Requeue(letter => letter.Reason.StartsWith(sinkName + ":", StringComparison.Ordinal)));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    public ValueTask<bool> DiscardAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_deadLetters.Remove((DeadLetterKinds.Alert, DeadLetterKinds.Alert, idempotencyKey)));
        }
    }

    private int Requeue(Func<DeadLetter, bool> matches)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var dead = _deadLetters
                .Where(pair => pair.Key.Kind == DeadLetterKinds.Alert && pair.Key.Origin == DeadLetterKinds.Alert && pair.Value.Alert is not null && matches(pair.Value.Letter))
                .ToList();
            foreach (var (key, row) in dead)
            {
                _deadLetters.Remove(key);
                _settledAlertKeys.Remove(key.Position);
                _outbox.TryAdd(key.Position, new OutboxSlot(row.Alert!, ++_outboxSequence) { DueAt = now, EnqueuedAt = now });
            }

            return dead.Count;
        }
    }
}
