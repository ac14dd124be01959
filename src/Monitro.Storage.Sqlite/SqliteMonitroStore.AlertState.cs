using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IAlertStateStore"/> side of the store: the <c>alert_state</c> rows, written with the commits.</summary>
public sealed partial class SqliteMonitroStore : IAlertStateStore
{
    // The columns StoredAlertState reads: rows that name a mention come with it (and its post).
    private const string SelectAlertStateRows = """
        SELECT s.scope, s.item, s.payload, s.person_id, s.refers_to_mention, m.payload, p.payload, s.due_at
        FROM alert_state s
        LEFT JOIN mentions m ON s.refers_to_mention = 1 AND m.id = s.item
        LEFT JOIN posts p ON p.id = m.post_id
        """;

    // Every row, and none that names a mention that is gone.
    private const string SelectAlertState = $"""
        {SelectAlertStateRows}
        WHERE s.refers_to_mention = 0 OR p.payload IS NOT NULL
        ORDER BY s.scope, s.item;
        """;

    private const string ClearAlertStateScope = "DELETE FROM alert_state WHERE scope = $scope;";

    private const string UpsertAlertState = """
        INSERT INTO alert_state (scope, item, payload, person_id, refers_to_mention, due_at) VALUES ($scope, $item, $payload, $person_id, $refers_to_mention, $due_at)
        ON CONFLICT (scope, item) DO UPDATE SET
            payload = excluded.payload, person_id = excluded.person_id, refers_to_mention = excluded.refers_to_mention, due_at = excluded.due_at;
        """;

    // The rows about the person's identities, and those naming one of them as their item (a link).
    private const string ForgetAlertState = """
        DELETE FROM alert_state
        WHERE person_id = $person_id OR item = $person_id
           OR person_id IN (SELECT identity_key FROM identities WHERE person_id = $person_id)
           OR item IN (SELECT identity_key FROM identities WHERE person_id = $person_id);
        """;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<AlertStateRow>> GetAlertStateAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectAlertState);
            using var reader = command.ExecuteReader();
            var rows = new List<AlertStateRow>();
            while (reader.Read())
            {
                rows.Add(StoredAlertState.Read(reader));
            }

            return rows;
        }
    }

    /// <summary>Writes a commit's alerting state changes in its transaction, with the writer's prepared commands: scopes cleared first, then rows saved.</summary>
    internal static void WriteAlertState(SqliteWriter writer, SqliteTransaction transaction, AlertStateChanges? changes)
    {
        if (changes is null || changes.IsEmpty)
        {
            return;
        }

        if (changes.ClearedScopes.Count > 0)
        {
            var clear = writer.Command(transaction, ClearAlertStateScope, "$scope");
            foreach (var scope in changes.ClearedScopes)
            {
                clear.Run(scope);
            }
        }

        var upsert = writer.Statement(UpsertAlertState, "$scope", "$item", "$payload", "$person_id", "$refers_to_mention", "$due_at");
        foreach (var row in changes.Saved)
        {
            upsert.Text(0, row.Scope).Text(1, row.Item).Text(2, row.Payload).Text(3, row.PersonId)
                .Integer(4, row.RefersToMention ? 1 : 0).Integer(5, row.DueAt?.ToUnixTimeMilliseconds()).Run();
        }
    }

    private static int ForgetAlertStateOf(SqliteConnection connection, SqliteTransaction transaction, string personId)
    {
        using var command = connection.CreateCommand(transaction, ForgetAlertState, "$person_id");
        return command.Run(personId);
    }
}
