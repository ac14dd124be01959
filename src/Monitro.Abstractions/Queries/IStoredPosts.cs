namespace Monitro;

/// <summary>Reads the posts a store kept, in creation order, to preview or re-match watches over them.</summary>
/// <remarks>Retracted posts are never returned. Implementations are thread-safe, and reads run while the pipeline writes.</remarks>
public interface IStoredPosts
{
    /// <summary>Gets stored posts ordered by creation time (to the millisecond) and id.</summary>
    /// <param name="query">The range, position, direction and count.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>At most <see cref="StoredPostQuery.Limit"/> posts; fewer means the range is exhausted.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit is out of range.</exception>
    ValueTask<IReadOnlyList<Post>> GetPostsAsync(StoredPostQuery query, CancellationToken cancellationToken = default);
}
