namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IDueAlertStateStore"/> side of the store: the alerting state rows due by a moment, read by <c>ix_alert_state_due</c>.</summary>
public sealed partial class PostgreSqlMonitroStore : IDueAlertStateStore
{
    // A range of the partial index on (due_at, scope, item): from the previous page's last row to the moment.
    internal const string SelectDueAlertState = $"""
        {SelectAlertStateRows}
        WHERE s.due_at IS NOT NULL AND s.due_at <= $1 AND (s.due_at, s.scope, s.item) > ($2, $3, $4)
          AND (NOT s.refers_to_mention OR p.payload IS NOT NULL)
        ORDER BY s.due_at, s.scope, s.item
        LIMIT $5
        """;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<AlertStateRow>> GetDueAlertStateAsync(DateTimeOffset upTo, int limit, AlertStateRow? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var afterDue = after is null ? long.MinValue : after.DueAt?.ToUnixTimeMilliseconds() ?? throw new ArgumentException("The row has no due time.", nameof(after));
        return await ReadListAsync(
            SelectDueAlertState,
            [
                SqlParameters.Long(upTo.ToUnixTimeMilliseconds()),
                SqlParameters.Long(afterDue),
                SqlParameters.Text(after?.Scope ?? string.Empty),
                SqlParameters.Text(after?.Item ?? string.Empty),
                SqlParameters.Int(limit),
            ],
            StoredAlertState.Read,
            cancellationToken).ConfigureAwait(false);
    }
}
