using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IAlertOutboxBatchSettlement"/> side of the store: a delivered batch settled in one round trip.</summary>
public sealed partial class PostgreSqlMonitroStore : IAlertOutboxBatchSettlement
{
    private const string SettleAllDelivered = """
        INSERT INTO settled_alerts (key_hash, outcome, settled_at)
        SELECT DISTINCT key_hash, 'delivered', $2 FROM unnest($1::text[]) AS key_hash
        ON CONFLICT (key_hash) DO NOTHING;
        """;

    /// <inheritdoc/>
    /// <remarks>One transaction and one batch of two statements over array parameters, whatever the number of keys.</remarks>
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

        string[] keys = [.. idempotencyKeys];
        await WriteAsync(
            async (connection, now) =>
            {
                var hashes = Array.ConvertAll(keys, SettledKeys.Hash);
                var batch = new NpgsqlBatch(connection);
                await using (batch.ConfigureAwait(false))
                {
                    batch.Add("DELETE FROM alert_outbox WHERE idempotency_key = ANY($1)", SqlParameters.TextArray(keys));
                    batch.Add(SettleAllDelivered, SqlParameters.TextArray(hashes), SqlParameters.Long(now));
                    return await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }
}
