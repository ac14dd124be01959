namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IPostInteractions"/> side of the store: who wrote a stored post.</summary>
public sealed partial class PostgreSqlMonitroStore : IPostInteractions
{
    // A post has one interaction per person it concerns, found through the post_id index.
    private const string SelectRecordedInteractionsOfPost = """
        SELECT i.id, i.occurred_at, i.person_id, i.payload::text, d.platform, d.handle, d.display_name, d.profile_url, d.followers
        FROM interactions i LEFT JOIN identities d ON d.identity_key = i.person_id
        WHERE i.post_id = $1;
        """;

    /// <inheritdoc/>
    public async ValueTask<RecordedInteraction?> GetInboundInteractionAsync(string postId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);
        var recorded = await ReadListAsync(SelectRecordedInteractionsOfPost, [SqlParameters.Text(postId)], static reader => ReadInteraction(reader).Item, cancellationToken).ConfigureAwait(false);
        var inbound = ReplyChanges.AnsweredInteraction(recorded.Select(static r => r.Interaction));
        return recorded.Find(r => ReferenceEquals(r.Interaction, inbound));
    }
}
