using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IAlertOutboxStatistics"/> side of the store.</summary>
public sealed partial class PostgreSqlMonitroStore : IAlertOutboxStatistics
{
    // The minimum reads the due index; dead alerts are found through the (kind, origin, position) unique index.
    private const string OutboxStatistics = """
        SELECT
            (SELECT count(*) FROM alert_outbox),
            (SELECT min(next_attempt_at) FROM alert_outbox),
            (SELECT count(*) FROM dead_letters WHERE kind = 'alert' AND origin = 'alert'),
            (SELECT max(recorded_at) FROM dead_letters WHERE kind = 'alert' AND origin = 'alert')
        """;

    /// <inheritdoc/>
    public async ValueTask<AlertOutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.Command(OutboxStatistics);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return new AlertOutboxStatistics(
                    reader.GetInt64(0),
                    TimeOrNull(reader, 1),
                    reader.GetInt64(2),
                    TimeOrNull(reader, 3));
            }
        }
    }

    private static DateTimeOffset? TimeOrNull(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : UnixTime.FromMilliseconds(reader.GetInt64(ordinal));
}
