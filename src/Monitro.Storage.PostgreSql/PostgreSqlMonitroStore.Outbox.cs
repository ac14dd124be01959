using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IAlertOutbox"/> side of the store, shared safely by dispatchers in several processes.</summary>
/// <remarks>
/// An entry is due when its next attempt time has come and it holds no live lease. A claim locks the due rows
/// with <c>FOR UPDATE SKIP LOCKED</c>, so two dispatchers claiming at once take different entries and never
/// wait for each other. Delivered and dead-lettered keys are remembered in <c>settled_alerts</c> as keyed hashes
/// (<see cref="SettledKeyHasher"/>), so a replayed batch never enqueues them again and no stored key names a person.
/// </remarks>
public sealed partial class PostgreSqlMonitroStore
{
    private const string ClaimDue = """
        WITH due AS (
            SELECT idempotency_key FROM alert_outbox
            WHERE next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
            ORDER BY next_attempt_at, enqueued_at, idempotency_key
            LIMIT $2
            FOR UPDATE SKIP LOCKED)
        UPDATE alert_outbox o SET lease_until = $3
        FROM due WHERE o.idempotency_key = due.idempotency_key
        RETURNING o.idempotency_key, o.payload::text, o.attempts, o.last_error, o.next_attempt_at, o.enqueued_at;
        """;

    private const string SettleAlert = """
        INSERT INTO settled_alerts (key_hash, outcome, settled_at) VALUES ($1, $2, $3)
        ON CONFLICT (key_hash) DO NOTHING;
        """;

    private const string DeadLetterAlert = """
        INSERT INTO dead_letters (kind, origin, position, reason, excerpt, person_id, recorded_at)
        SELECT 'alert', 'alert', idempotency_key, $2, payload::text, person_id, $3
        FROM alert_outbox WHERE idempotency_key = $1
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
        return await WriteAsync(
            (connection, now) => ClaimAsync(connection, maxCount, now + (long)leaseDuration.TotalMilliseconds, now),
            cancellationToken).ConfigureAwait(false);
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
            // One array parameter instead of one parameter per key: no limit on the number of keys.
            using var command = connection.Command(
                "SELECT idempotency_key FROM alert_outbox WHERE idempotency_key = ANY($1);",
                SqlParameters.TextArray([.. idempotencyKeys.Where(key => key is not null)]));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    pending.Add(reader.GetString(0));
                }
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
            async (connection, now) =>
            {
                var batch = new NpgsqlBatch(connection);
                await using (batch.ConfigureAwait(false))
                {
                    batch.Add("DELETE FROM alert_outbox WHERE idempotency_key = $1", SqlParameters.Text(idempotencyKey));
                    batch.Add(SettleAlert, SqlParameters.Text(SettledKeys.Hash(idempotencyKey)), SqlParameters.Text("delivered"), SqlParameters.Long(now));
                    return await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="failure"/> is <see langword="null"/>.</exception>
    public async ValueTask MarkFailedAsync(string idempotencyKey, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ArgumentNullException.ThrowIfNull(failure);
        await WriteAsync(
            async (connection, _) =>
            {
                using var command = connection.Command(
                    """
                    UPDATE alert_outbox
                    SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3, lease_until = NULL
                    WHERE idempotency_key = $1;
                    """,
                    SqlParameters.Text(idempotencyKey),
                    SqlParameters.Text(StoreDiagnostics.Cut(failure, StoreDiagnostics.MaxReasonLength)),
                    SqlParameters.Long(UnixTime.ToMilliseconds(nextAttemptAt)));
                return await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
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
            (connection, now) => DeadLetterAsync(connection, idempotencyKey, StoreDiagnostics.Cut(reason, StoreDiagnostics.MaxReasonLength), now),
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<int> DeadLetterAsync(NpgsqlConnection connection, string key, string reason, long now)
    {
        using (var insert = connection.Command(DeadLetterAlert, SqlParameters.Text(key), SqlParameters.Text(reason), SqlParameters.Long(now)))
        {
            if (await insert.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false) == 0)
            {
                return 0; // not in the outbox: already delivered, dead or forgotten
            }
        }

        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            batch.Add(SettleAlert, SqlParameters.Text(SettledKeys.Hash(key)), SqlParameters.Text("dead"), SqlParameters.Long(now));
            batch.Add("DELETE FROM alert_outbox WHERE idempotency_key = $1", SqlParameters.Text(key));
            return await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async ValueTask<List<OutboxEntry>> ClaimAsync(NpgsqlConnection connection, int maxCount, long leaseUntil, long now)
    {
        var claimed = new List<(long NextAttemptAt, long EnqueuedAt, OutboxEntry Entry)>();
        var unreadable = new List<(string Key, InvalidDataException Error)>();
        using (var command = connection.Command(ClaimDue, SqlParameters.Long(now), SqlParameters.Int(maxCount), SqlParameters.Long(leaseUntil)))
        {
            var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    var key = reader.GetString(0);
                    try
                    {
                        var alert = PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Alert, "alert_outbox", AlertKeyFingerprint.Of(key));
                        var lastError = reader.IsDBNull(3) ? null : reader.GetString(3);
                        var enqueuedAt = reader.GetInt64(5);
                        claimed.Add((reader.GetInt64(4), enqueuedAt, new OutboxEntry(alert, reader.GetInt32(2), lastError) { EnqueuedAt = UnixTime.FromMilliseconds(enqueuedAt) }));
                    }
                    catch (InvalidDataException exception)
                    {
                        unreadable.Add((key, exception));
                    }
                }
            }
        }

        foreach (var (key, error) in unreadable)
        {
            var fingerprint = AlertKeyFingerprint.Of(key);
            _logger.UnreadableOutboxEntry(fingerprint, error);
            await DeadLetterAsync(connection, key, StoreDiagnostics.Cut(error.Message, StoreDiagnostics.MaxReasonLength), now).ConfigureAwait(false);
        }

        // RETURNING gives no order; hand entries out oldest first as the contract says.
        return [.. claimed
            .OrderBy(c => c.NextAttemptAt)
            .ThenBy(c => c.EnqueuedAt)
            .ThenBy(c => c.Entry.Alert.IdempotencyKey, StringComparer.Ordinal)
            .Select(c => c.Entry)];
    }
}
