namespace Monitro;

/// <summary>The <see cref="IAlertOutboxBatchSettlement"/> side of the in-memory store.</summary>
public sealed partial class InMemoryMonitroStore : IAlertOutboxBatchSettlement
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="idempotencyKeys"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A key is null or empty; nothing is changed.</exception>
    public ValueTask MarkAllDeliveredAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        foreach (var key in idempotencyKeys)
        {
            ArgumentException.ThrowIfNullOrEmpty(key, nameof(idempotencyKeys));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var key in idempotencyKeys)
            {
                Settle(key);
            }
        }

        return ValueTask.CompletedTask;
    }
}
