using System.Data.Common;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IInteractionHistory"/> side of the store: every interaction, oldest first, with its person.</summary>
public sealed partial class PostgreSqlMonitroStore
{
    // Walks the (occurred_at, id) index; the person comes from their identity row when one was kept.
    private const string SelectInteractions = """
        SELECT i.id, i.occurred_at, i.person_id, i.payload::text, d.platform, d.handle, d.display_name, d.profile_url, d.followers
        FROM interactions i LEFT JOIN identities d ON d.identity_key = i.person_id
        WHERE $1::bigint IS NULL OR (i.occurred_at, i.id) > ($1, $2::text)
        ORDER BY i.occurred_at, i.id
        LIMIT $3;
        """;

    /// <inheritdoc/>
    public async ValueTask<Page<RecordedInteraction>> GetInteractionsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Interactions, nameof(page));
        return await ReadPageAsync(
            SelectInteractions,
            [SqlParameters.Long(after?.Number), SqlParameters.Text(after?.Key), SqlParameters.Int(page.PageSize + 1)],
            page.PageSize,
            ReadInteraction,
            cancellationToken).ConfigureAwait(false);
    }

    // One row of an interaction query: the interaction, its person, and the key the next page starts after.
    private static (RecordedInteraction Item, ContinuationToken Token) ReadInteraction(DbDataReader reader)
    {
        var id = reader.GetString(0);
        var interaction = PayloadSerializer.Read(reader.GetString(3), StoreJsonContext.Default.Interaction, "interactions", id);
        var person = StoredPerson.Read(
            reader.GetString(2),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetInt64(8));
        return (new RecordedInteraction(interaction, person), new ContinuationToken(ContinuationToken.Interactions, reader.GetInt64(1), id));
    }
}
