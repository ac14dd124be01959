using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IStoredPosts"/> side of the in-memory store, in the same order as the durable stores.</summary>
public sealed partial class InMemoryMonitroStore : IStoredPosts
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Post>> GetPostsAsync(StoredPostQuery query, CancellationToken cancellationToken = default)
    {
        var (from, until, afterTime, afterId) = StoredPostReads.Bounds(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var rows = _posts.Values
                .Select(row => row.Post)
                .OfType<Post>()
                .Select(post => (Post: post, Time: Milliseconds(post.CreatedAt)))
                .Where(row => row.Time >= from && row.Time < until);
            if (afterTime is { } time)
            {
                rows = rows.Where(row =>
                {
                    var order = row.Time != time ? row.Time.CompareTo(time) : string.CompareOrdinal(row.Post.Id, afterId);
                    return query.NewestFirst ? order < 0 : order > 0;
                });
            }

            var ordered = query.NewestFirst
                ? rows.OrderByDescending(row => row.Time).ThenByDescending(row => row.Post.Id, StringComparer.Ordinal)
                : rows.OrderBy(row => row.Time).ThenBy(row => row.Post.Id, StringComparer.Ordinal);
            return ValueTask.FromResult<IReadOnlyList<Post>>([.. ordered.Take(query.Limit).Select(row => row.Post)]);
        }
    }
}
