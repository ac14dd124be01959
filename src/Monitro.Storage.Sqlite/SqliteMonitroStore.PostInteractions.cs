namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IPostInteractions"/> side of the store: who wrote a stored post.</summary>
public sealed partial class SqliteMonitroStore : IPostInteractions
{
    // A post has one interaction per person it concerns, found through the post_id index.
    private const string SelectRecordedInteractionsOfPost = """
        SELECT i.id, i.occurred_at, i.person_id, i.payload, d.platform, d.handle, d.display_name, d.profile_url, d.followers
        FROM interactions i LEFT JOIN identities d ON d.identity_key = i.person_id
        WHERE i.post_id = $post_id;
        """;

    /// <inheritdoc/>
    public async ValueTask<RecordedInteraction?> GetInboundInteractionAsync(string postId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectRecordedInteractionsOfPost, "$post_id");
            command.Bind(postId);
            var recorded = new List<RecordedInteraction>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                recorded.Add(ReadInteraction(reader).Item);
            }

            var inbound = ReplyChanges.AnsweredInteraction(recorded.Select(static r => r.Interaction));
            return recorded.Find(r => ReferenceEquals(r.Interaction, inbound));
        }
    }
}
