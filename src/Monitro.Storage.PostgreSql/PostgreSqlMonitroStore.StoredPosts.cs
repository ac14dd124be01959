namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IStoredPosts"/> side of the store: posts by creation time over <c>ix_posts_time</c>.</summary>
public sealed partial class PostgreSqlMonitroStore : IStoredPosts
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Post>> GetPostsAsync(StoredPostQuery query, CancellationToken cancellationToken = default)
    {
        var (from, until, afterTime, afterId) = StoredPostReads.Bounds(query);
        var (compare, order) = query.NewestFirst ? ("<", "DESC") : (">", "ASC");
        var cursor = afterTime is null ? string.Empty : $"AND (created_at, id) {compare} ($3, $4::text)";
        return await ReadListAsync(
            $"""
            SELECT id, payload::text FROM posts
            WHERE payload IS NOT NULL AND created_at >= $1 AND created_at < $2 {cursor}
            ORDER BY created_at {order}, id {order}
            LIMIT $5;
            """,
            [SqlParameters.Long(from), SqlParameters.Long(until), SqlParameters.Long(afterTime), SqlParameters.Text(afterId), SqlParameters.Int(query.Limit)],
            reader => PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Post, "posts", reader.GetString(0)),
            cancellationToken).ConfigureAwait(false);
    }
}
