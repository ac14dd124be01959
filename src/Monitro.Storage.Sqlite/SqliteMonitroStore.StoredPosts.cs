namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IStoredPosts"/> side of the store: posts by creation time over <c>ix_posts_time</c>.</summary>
public sealed partial class SqliteMonitroStore : IStoredPosts
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Post>> GetPostsAsync(StoredPostQuery query, CancellationToken cancellationToken = default)
    {
        var (from, until, afterTime, afterId) = StoredPostReads.Bounds(query);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, StoredPostsSql(query.NewestFirst, afterTime is not null), "$from", "$until", "$after_time", "$after_id", "$limit");
            command.Bind(from, until, afterTime, afterId, query.Limit);
            var posts = new List<Post>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                posts.Add(PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Post, "posts", reader.GetString(0)));
            }

            return posts;
        }
    }

    // The cursor is a row-value comparison only when there is one, so SQLite seeks the index to it.
    private static string StoredPostsSql(bool newestFirst, bool hasCursor)
    {
        var (compare, order) = newestFirst ? ("<", "DESC") : (">", "ASC");
        var cursor = hasCursor ? $"AND (created_at, id) {compare} ($after_time, $after_id)" : string.Empty;
        return $"""
            SELECT id, payload FROM posts
            WHERE payload IS NOT NULL AND created_at >= $from AND created_at < $until {cursor}
            ORDER BY created_at {order}, id {order}
            LIMIT $limit;
            """;
    }
}
