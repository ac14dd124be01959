namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IDueAlertStateStore"/> side of the store: the alerting state rows due by a moment, read by <c>ix_alert_state_due</c>.</summary>
public sealed partial class SqliteMonitroStore : IDueAlertStateStore
{
    // A range of the partial index on (due_at, scope, item): from the previous page's last row to the moment.
    internal const string SelectDueAlertState = $"""
        {SelectAlertStateRows}
        WHERE s.due_at IS NOT NULL AND s.due_at <= $up_to AND (s.due_at, s.scope, s.item) > ($after_due, $after_scope, $after_item)
          AND (s.refers_to_mention = 0 OR p.payload IS NOT NULL)
        ORDER BY s.due_at, s.scope, s.item
        LIMIT $limit;
        """;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<AlertStateRow>> GetDueAlertStateAsync(DateTimeOffset upTo, int limit, AlertStateRow? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var afterDue = after is null ? long.MinValue : after.DueAt?.ToUnixTimeMilliseconds() ?? throw new ArgumentException("The row has no due time.", nameof(after));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectDueAlertState, "$up_to", "$after_due", "$after_scope", "$after_item", "$limit");
            command.Bind(upTo.ToUnixTimeMilliseconds(), afterDue, after?.Scope ?? string.Empty, after?.Item ?? string.Empty, limit);
            using var reader = command.ExecuteReader();
            var rows = new List<AlertStateRow>();
            while (reader.Read())
            {
                rows.Add(StoredAlertState.Read(reader));
            }

            return rows;
        }
    }
}
