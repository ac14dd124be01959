namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IPersonInteractionHistory"/> side of the store: one person's interactions, oldest first.</summary>
public sealed partial class SqliteMonitroStore
{
    // The person's rows come from the (person_id, direction) index; a person has few enough to sort.
    private const string SelectInteractionsOfPerson = """
        SELECT i.id, i.occurred_at, i.person_id, i.payload, d.platform, d.handle, d.display_name, d.profile_url, d.followers
        FROM interactions i LEFT JOIN identities d ON d.identity_key = i.person_id
        WHERE i.person_id = $person_id AND ($after_time IS NULL OR (i.occurred_at, i.id) > ($after_time, $after_id))
        ORDER BY i.occurred_at, i.id
        LIMIT $limit;
        """;

    /// <inheritdoc/>
    public async ValueTask<Page<RecordedInteraction>> GetInteractionsOfAsync(string personId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Interactions, nameof(page));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectInteractionsOfPerson, "$person_id", "$after_time", "$after_id", "$limit");
            command.Bind(personId, after?.Number, after?.Key, page.PageSize + 1);
            return ReadPage(command, page.PageSize, ReadInteraction);
        }
    }
}
