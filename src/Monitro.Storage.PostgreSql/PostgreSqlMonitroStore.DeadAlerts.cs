using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IAlertDeadLetters"/> side of the store.</summary>
public sealed partial class PostgreSqlMonitroStore
{
    private const string DeadAlertFilter = "kind = 'alert' AND origin = 'alert'";

    private const string RequeueAlert = """
        INSERT INTO alert_outbox (idempotency_key, kind, post_id, person_id, payload, attempts, enqueued_at, next_attempt_at)
        VALUES ($1, $2, $3, $4, $5, 0, $6, $6)
        ON CONFLICT (idempotency_key) DO NOTHING
        """;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    /// <exception cref="InvalidDataException">The dead letter's JSON no longer reads as an alert.</exception>
    public async ValueTask<bool> RedriveAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        return await WriteAsync(
            async (connection, now) => await RequeueAsync(connection, "position = $1", idempotencyKey, now).ConfigureAwait(false) > 0,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="sinkName"/> is null or empty.</exception>
    /// <exception cref="InvalidDataException">A dead letter's JSON no longer reads as an alert; nothing is put back.</exception>
    public async ValueTask<int> RedriveSinkAsync(string sinkName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sinkName);
        return await WriteAsync(
            (connection, now) => RequeueAsync(connection, "starts_with(reason, $1 || ':')", sinkName, now),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or empty.</exception>
    public async ValueTask<bool> DiscardAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        return await WriteAsync(
            async (connection, _) =>
            {
                using var delete = connection.Command($"DELETE FROM dead_letters WHERE {DeadAlertFilter} AND position = $1", SqlParameters.Text(idempotencyKey));
                return await delete.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false) > 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<int> RequeueAsync(NpgsqlConnection connection, string filter, string value, long now)
    {
        var letters = new List<(string Key, string Payload)>();
        using (var select = connection.Command($"SELECT position, excerpt FROM dead_letters WHERE {DeadAlertFilter} AND {filter} FOR UPDATE", SqlParameters.Text(value)))
        {
            var reader = await select.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    letters.Add((reader.GetString(0), reader.IsDBNull(1) ? string.Empty : reader.GetString(1)));
                }
            }
        }

        foreach (var (key, payload) in letters)
        {
            var alert = PayloadSerializer.Read(payload, StoreJsonContext.Default.Alert, "dead_letters", AlertKeyFingerprint.Of(key));
            var batch = new NpgsqlBatch(connection);
            await using (batch.ConfigureAwait(false))
            {
                batch.Add(
                    RequeueAlert,
                    SqlParameters.Text(key),
                    SqlParameters.Text(alert.Kind),
                    SqlParameters.Text(alert.Mention?.Post.Id),
                    SqlParameters.Text(AlertSubject.PersonOf(alert)),
                    SqlParameters.Json(payload),
                    SqlParameters.Long(now));
                batch.Add("DELETE FROM settled_alerts WHERE key_hash = $1", SqlParameters.Text(SettledKeys.Hash(key)));
                batch.Add($"DELETE FROM dead_letters WHERE {DeadAlertFilter} AND position = $1", SqlParameters.Text(key));
                await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        return letters.Count;
    }
}
