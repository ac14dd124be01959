using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IAlertDeadLetters"/> side of the store.</summary>
public sealed partial class SqliteMonitroStore
{
    private const string DeadAlertFilter = "kind = 'alert' AND origin = 'alert'";

    private const string RequeueAlert = """
        INSERT INTO alert_outbox (idempotency_key, kind, post_id, person_id, payload, attempts, enqueued_at, next_attempt_at)
        VALUES ($key, $kind, $post_id, $person_id, $payload, 0, $now, $now)
        ON CONFLICT (idempotency_key) DO NOTHING;
        """;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    /// <exception cref="InvalidDataException">The dead letter's JSON no longer reads as an alert.</exception>
    public async ValueTask<bool> RedriveAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        return await WriteAsync(
            (connection, transaction, now) => Requeue(connection, transaction, "position = $value", idempotencyKey, now) > 0,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="sinkName"/> is null or empty.</exception>
    /// <exception cref="InvalidDataException">A dead letter's JSON no longer reads as an alert; nothing is put back.</exception>
    public async ValueTask<int> RedriveSinkAsync(string sinkName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sinkName);
        return await WriteAsync(
            (connection, transaction, now) => Requeue(connection, transaction, "substr(reason, 1, length($value) + 1) = $value || ':'", sinkName, now),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    public async ValueTask<bool> DiscardAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        return await WriteAsync(
            (connection, transaction, _) =>
            {
                using var delete = connection.CreateCommand(transaction, $"DELETE FROM dead_letters WHERE {DeadAlertFilter} AND position = $key;", "$key");
                return delete.Run(idempotencyKey) > 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private int Requeue(SqliteConnection connection, SqliteTransaction transaction, string filter, string value, long now)
    {
        var letters = new List<(string Key, string Payload)>();
        using (var select = connection.CreateCommand(transaction, $"SELECT position, excerpt FROM dead_letters WHERE {DeadAlertFilter} AND {filter};", "$value"))
        {
            select.Bind(value);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                letters.Add((reader.GetString(0), reader.GetNullableString(1) ?? string.Empty));
            }
        }

        using var enqueue = connection.CreateCommand(transaction, RequeueAlert, "$key", "$kind", "$post_id", "$person_id", "$payload", "$now");
        using var unsettle = connection.CreateCommand(transaction, "DELETE FROM settled_alerts WHERE key_hash = $key_hash;", "$key_hash");
        using var remove = connection.CreateCommand(transaction, $"DELETE FROM dead_letters WHERE {DeadAlertFilter} AND position = $key;", "$key");
        foreach (var (key, payload) in letters)
        {
            var alert = PayloadSerializer.Read(payload, StoreJsonContext.Default.Alert, "dead_letters", AlertKeyFingerprint.Of(key));
            enqueue.Run(key, alert.Kind, alert.Mention?.Post.Id, AlertSubject.PersonOf(alert), payload, now);
            unsettle.Run(SettledKeys.Hash(key));
            remove.Run(key);
        }

        return letters.Count;
    }
}
