using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IAlertOutbox"/> side of the store.</summary>
/// <remarks>
/// An entry is due when its next attempt time has come and it holds no live lease. Delivered and dead-lettered
/// keys are remembered in <c>settled_alerts</c> as keyed hashes (<see cref="SettledKeyHasher"/>), so a replayed batch
/// never enqueues them again and the file holds no key that names a person.
/// </remarks>
public sealed partial class SqliteMonitroStore
{
    private const string ClaimDue = """
        UPDATE alert_outbox SET lease_until = $lease_until
        WHERE idempotency_key IN (
            SELECT idempotency_key FROM alert_outbox
            WHERE next_attempt_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
            ORDER BY next_attempt_at, enqueued_at, idempotency_key
            LIMIT $max_count)
        RETURNING idempotency_key, payload, attempts, last_error, next_attempt_at, enqueued_at;
        """;

    private const string SettleAlert = """
        INSERT INTO settled_alerts (key_hash, outcome, settled_at) VALUES ($key_hash, $outcome, $now)
        ON CONFLICT (key_hash) DO NOTHING;
        """;

    private const string DeleteOutboxEntry = "DELETE FROM alert_outbox WHERE idempotency_key = $key;";

    private const string DeadLetterAlert = """
        INSERT INTO dead_letters (kind, origin, position, reason, excerpt, person_id, recorded_at)
        SELECT 'alert', 'alert', idempotency_key, $reason, payload, person_id, $now
        FROM alert_outbox WHERE idempotency_key = $key
        ON CONFLICT (kind, origin, position) DO UPDATE SET
            reason = excluded.reason, excerpt = excluded.excerpt, person_id = excluded.person_id, recorded_at = excluded.recorded_at;
        """;

    /// <inheritdoc/>
    /// <remarks>An entry whose payload no longer reads (a damaged row) goes to the dead letters instead of blocking the outbox.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> or <paramref name="leaseDuration"/> is zero or negative.</exception>
    public async ValueTask<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return await WritePreparedAsync(
            (writer, transaction, now) => Claim(writer, transaction, maxCount, now + (long)leaseDuration.TotalMilliseconds, now),
            cancellationToken,
            deferSync: true).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="idempotencyKeys"/> is <see langword="null"/>.</exception>
    public async ValueTask<IReadOnlySet<string>> GetPendingKeysAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        var pending = new HashSet<string>(StringComparer.Ordinal);
        if (idempotencyKeys.Count == 0)
        {
            return pending;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One JSON array parameter instead of one parameter per key: no limit on the number of keys.
            using var command = connection.CreateCommand(
                null, "SELECT idempotency_key FROM alert_outbox WHERE idempotency_key IN (SELECT value FROM json_each($keys));", "$keys");
            command.Bind(PayloadSerializer.Write(idempotencyKeys.Where(key => key is not null).ToArray(), StoreJsonContext.Default.StringArray));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                pending.Add(reader.GetString(0));
            }
        }

        return pending;
    }

    /// <inheritdoc/>
    /// <remarks>Marking a key that is not in the outbox (already settled, or forgotten) only records it as delivered.</remarks>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    public async ValueTask MarkDeliveredAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        await WriteAsync(
            (connection, transaction, now) =>
            {
                using var delete = connection.CreateCommand(transaction, DeleteOutboxEntry, "$key");
                delete.Run(idempotencyKey);
                using var settle = connection.CreateCommand(transaction, SettleAlert, "$key_hash", "$outcome", "$now");
                return settle.Run(SettledKeys.Hash(idempotencyKey), "delivered", now);
            },
            cancellationToken,
            deferSync: true).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="failure"/> is <see langword="null"/>.</exception>
    public async ValueTask MarkFailedAsync(string idempotencyKey, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ArgumentNullException.ThrowIfNull(failure);
        await WriteAsync(
            (connection, transaction, _) =>
            {
                using var command = connection.CreateCommand(
                    transaction,
                    """
                    UPDATE alert_outbox
                    SET attempts = attempts + 1, last_error = $failure, next_attempt_at = $next_attempt_at, lease_until = NULL
                    WHERE idempotency_key = $key;
                    """,
                    "$key",
                    "$failure",
                    "$next_attempt_at");
                return command.Run(idempotencyKey, StoreDiagnostics.Cut(failure, StoreDiagnostics.MaxReasonLength), UnixTime.ToMilliseconds(nextAttemptAt));
            },
            cancellationToken,
            deferSync: true).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>The dead letter keeps the alert's JSON, so it can be looked at and sent by hand.</remarks>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public async ValueTask MoveToDeadLetterAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ArgumentNullException.ThrowIfNull(reason);
        await WriteAsync(
            (connection, transaction, now) => DeadLetter(connection, transaction, idempotencyKey, StoreDiagnostics.Cut(reason, StoreDiagnostics.MaxReasonLength), now),
            cancellationToken,
            deferSync: true).ConfigureAwait(false);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int DeadLetter(SqliteConnection connection, SqliteTransaction transaction, string key, string reason, long now)
    {
        using var insert = connection.CreateCommand(transaction, DeadLetterAlert, "$key", "$reason", "$now");
        if (insert.Run(key, reason, now) == 0)
        {
            return 0; // not in the outbox: already delivered, dead or forgotten
        }

        using var settle = connection.CreateCommand(transaction, SettleAlert, "$key_hash", "$outcome", "$now");
        settle.Run(SettledKeys.Hash(key), "dead", now);
        using var delete = connection.CreateCommand(transaction, DeleteOutboxEntry, "$key");
        return delete.Run(key);
    }

    // Once per batch or per post: compiled optimized at once, since on a one-core host the runtime leaves such code unoptimized for most of a stream.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<OutboxEntry> Claim(SqliteWriter writer, SqliteTransaction transaction, int maxCount, long leaseUntil, long now)
    {
        var claimed = new List<(long NextAttemptAt, long EnqueuedAt, OutboxEntry Entry)>();
        List<(string Key, InvalidDataException Error)>? unreadable = null;
        var command = writer.Command(transaction, ClaimDue, "$lease_until", "$now", "$max_count");
        command.Bind(leaseUntil, now, maxCount);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = reader.GetString(0);
                try
                {
                    // An alert this store enqueued is the one its row holds: its JSON is not read back.
                    var alert = _enqueuedAlerts.TryTake(key, out var kept)
                        ? kept
                        : PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Alert, "alert_outbox", AlertKeyFingerprint.Of(key));
                    var enqueuedAt = reader.GetInt64(5);
                    claimed.Add((reader.GetInt64(4), enqueuedAt, new OutboxEntry(alert, reader.GetInt32(2), reader.GetNullableString(3)) { EnqueuedAt = UnixTime.FromMilliseconds(enqueuedAt) }));
                }
                catch (InvalidDataException exception)
                {
                    (unreadable ??= []).Add((key, exception));
                }
            }
        }

        foreach (var (key, error) in unreadable ?? [])
        {
            var fingerprint = AlertKeyFingerprint.Of(key);
            _logger.UnreadableOutboxEntry(fingerprint, error);
            DeadLetter(writer.Connection, transaction, key, StoreDiagnostics.Cut(error.Message, StoreDiagnostics.MaxReasonLength), now);
        }

        // RETURNING gives no order; hand entries out oldest first as the contract says.
        return [.. claimed
            .OrderBy(c => c.NextAttemptAt)
            .ThenBy(c => c.EnqueuedAt)
            .ThenBy(c => c.Entry.Alert.IdempotencyKey, StringComparer.Ordinal)
            .Select(c => c.Entry)];
    }
}
