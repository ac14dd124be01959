namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IAlertOutboxBatchSettlement"/> side of the store: a delivered batch settled in one transaction.</summary>
public sealed partial class SqliteMonitroStore : IAlertOutboxBatchSettlement
{
    /// <inheritdoc/>
    /// <remarks>One immediate transaction for all the keys (one wait for the disk), with both statements prepared once and kept.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="idempotencyKeys"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A key is null or empty; nothing is written.</exception>
    public async ValueTask MarkAllDeliveredAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        foreach (var key in idempotencyKeys)
        {
            ArgumentException.ThrowIfNullOrEmpty(key, nameof(idempotencyKeys));
        }

        if (idempotencyKeys.Count == 0)
        {
            return;
        }

        await WritePreparedAsync(
            (writer, _, now) =>
            {
                var delete = writer.Statement(DeleteOutboxEntry, "$key");
                var settle = writer.Statement(SettleAlert, "$key_hash", "$outcome", "$now");
                var removed = 0;
                foreach (var key in idempotencyKeys)
                {
                    removed += delete.Text(0, key).Run();
                    settle.Text(0, SettledKeys.Hash(key)).Text(1, "delivered").Integer(2, now).Run();
                }

                return removed;
            },
            cancellationToken,
            deferSync: true).ConfigureAwait(false);
    }
}
