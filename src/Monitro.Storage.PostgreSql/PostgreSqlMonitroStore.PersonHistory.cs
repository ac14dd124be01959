namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IPersonInteractionHistory"/> side of the store: one person's interactions, oldest first.</summary>
public sealed partial class PostgreSqlMonitroStore
{
    // The person's rows come from the (person_id, direction) index; a person has few enough to sort.
    private const string SelectInteractionsOfPerson = """
        SELECT i.id, i.occurred_at, i.person_id, i.payload::text, d.platform, d.handle, d.display_name, d.profile_url, d.followers
        FROM interactions i LEFT JOIN identities d ON d.identity_key = i.person_id
        WHERE i.person_id = $1 AND ($2::bigint IS NULL OR (i.occurred_at, i.id) > ($2, $3::text))
        ORDER BY i.occurred_at, i.id
        LIMIT $4;
        """;

    /// <inheritdoc/>
    public async ValueTask<Page<RecordedInteraction>> GetInteractionsOfAsync(string personId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Interactions, nameof(page));
        return await ReadPageAsync(
            SelectInteractionsOfPerson,
            [SqlParameters.Text(personId), SqlParameters.Long(after?.Number), SqlParameters.Text(after?.Key), SqlParameters.Int(page.PageSize + 1)],
            page.PageSize,
            ReadInteraction,
            cancellationToken).ConfigureAwait(false);
    }
}
