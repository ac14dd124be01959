using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IAlertStateStore"/> side of the store: the <c>alert_state</c> rows, written with the commits.</summary>
public sealed partial class PostgreSqlMonitroStore : IAlertStateStore
{
    // The columns StoredAlertState reads: rows that name a mention come with it (and its post).
    private const string SelectAlertStateRows = """
        SELECT s.scope, s.item, s.payload, s.person_id, s.refers_to_mention, m.payload::text, p.payload::text, s.due_at
        FROM alert_state s
        LEFT JOIN mentions m ON s.refers_to_mention AND m.id = s.item
        LEFT JOIN posts p ON p.id = m.post_id
        """;

    // Every row, and none that names a mention that is gone.
    private const string SelectAlertState = $"""
        {SelectAlertStateRows}
        WHERE NOT s.refers_to_mention OR p.payload IS NOT NULL
        ORDER BY s.scope, s.item
        """;

    private const string ClearAlertStateScope = "DELETE FROM alert_state WHERE scope = $1";

    private const string UpsertAlertState = """
        INSERT INTO alert_state (scope, item, payload, person_id, refers_to_mention, due_at) VALUES ($1, $2, $3, $4, $5 <> 0, $6)
        ON CONFLICT (scope, item) DO UPDATE SET
            payload = excluded.payload, person_id = excluded.person_id, refers_to_mention = excluded.refers_to_mention, due_at = excluded.due_at
        """;

    // The rows about the person's identities, and those naming one of them as their item (a link).
    private const string ForgetAlertState = """
        DELETE FROM alert_state
        WHERE person_id = $1 OR item = $1
           OR person_id IN (SELECT identity_key FROM identities WHERE person_id = $1)
           OR item IN (SELECT identity_key FROM identities WHERE person_id = $1)
        """;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<AlertStateRow>> GetAlertStateAsync(CancellationToken cancellationToken = default) =>
        await ReadListAsync(SelectAlertState, [], StoredAlertState.Read, cancellationToken).ConfigureAwait(false);

    /// <summary>Adds a commit's alerting state changes to its batch: scopes cleared first, then rows saved.</summary>
    internal static void AddAlertState(NpgsqlBatch batch, AlertStateChanges? changes)
    {
        if (changes is null)
        {
            return;
        }

        foreach (var scope in changes.ClearedScopes)
        {
            batch.Add(ClearAlertStateScope, SqlParameters.Text(scope));
        }

        foreach (var row in changes.Saved)
        {
            batch.Add(
                UpsertAlertState,
                SqlParameters.Text(row.Scope),
                SqlParameters.Text(row.Item),
                SqlParameters.Text(row.Payload),
                SqlParameters.Text(row.PersonId),
                SqlParameters.Int(row.RefersToMention ? 1 : 0),
                SqlParameters.Long(row.DueAt?.ToUnixTimeMilliseconds()));
        }
    }

    private static async ValueTask ForgetAlertStateAsync(NpgsqlConnection connection, string personId)
    {
        using var command = connection.Command(ForgetAlertState, SqlParameters.Text(personId));
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
