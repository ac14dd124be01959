using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IInteractionHistory"/> side of the store: every interaction, oldest first, with its person.</summary>
public sealed partial class SqliteMonitroStore
{
    // Walks the (occurred_at, id) index; the person comes from their identity row when one was kept.
    private const string SelectInteractions = """
        SELECT i.id, i.occurred_at, i.person_id, i.payload, d.platform, d.handle, d.display_name, d.profile_url, d.followers
        FROM interactions i LEFT JOIN identities d ON d.identity_key = i.person_id
        WHERE $after_time IS NULL OR (i.occurred_at, i.id) > ($after_time, $after_id)
        ORDER BY i.occurred_at, i.id
        LIMIT $limit;
        """;

    /// <inheritdoc/>
    public async ValueTask<Page<RecordedInteraction>> GetInteractionsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Interactions, nameof(page));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectInteractions, "$after_time", "$after_id", "$limit");
            command.Bind(after?.Number, after?.Key, page.PageSize + 1);
            return ReadPage(command, page.PageSize, ReadInteraction);
        }
    }

    // One row of an interaction query: the interaction, its person, and the key the next page starts after.
    private static (RecordedInteraction Item, ContinuationToken Token) ReadInteraction(SqliteDataReader reader)
    {
        var id = reader.GetString(0);
        var interaction = PayloadSerializer.Read(reader.GetString(3), StoreJsonContext.Default.Interaction, "interactions", id);
        var person = StoredPerson.Read(
            reader.GetString(2),
            reader.GetNullableString(4),
            reader.GetNullableString(5),
            reader.GetNullableString(6),
            reader.GetNullableString(7),
            reader.IsDBNull(8) ? null : reader.GetInt64(8));
        return (new RecordedInteraction(interaction, person), new ContinuationToken(ContinuationToken.Interactions, reader.GetInt64(1), id));
    }
}
