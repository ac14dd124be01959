using Monitro.Matching;

namespace Monitro;

/// <summary>Tries a watch before it is saved: what it matches among stored posts, and why a given post matches or not.</summary>
/// <remarks>
/// Matching uses the same compiled query and matcher as the pipeline, so a preview hit is exactly what the watch
/// would produce live. Nothing is written. Thread-safe.
/// </remarks>
public sealed class WatchPreview
{
    private const int PageSize = 1_000;
    private readonly IStoredPosts _posts;

    /// <summary>Initializes a new instance of the <see cref="WatchPreview"/> class.</summary>
    /// <param name="posts">The store's stored posts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="posts"/> is <see langword="null"/>.</exception>
    public WatchPreview(IStoredPosts posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        _posts = posts;
    }

    /// <summary>Runs a draft watch over the newest stored posts of a scope.</summary>
    /// <param name="draft">The watch to try; it need not be saved anywhere.</param>
    /// <param name="scope">The posts to read; <see langword="null"/> for the newest 1,000.</param>
    /// <param name="cancellationToken">A token that cancels the preview.</param>
    /// <returns>The hits, newest first, with their spans.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scope's limits are out of range.</exception>
    /// <exception cref="QuerySyntaxException">The draft's query is not valid.</exception>
    public async ValueTask<PreviewResult> RunAsync(Watch draft, PreviewScope? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        scope ??= new PreviewScope();
        ArgumentOutOfRangeException.ThrowIfLessThan(scope.MaxPosts, 1, nameof(scope));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scope.MaxPosts, PreviewScope.MaxPostsLimit, nameof(scope));
        ArgumentOutOfRangeException.ThrowIfLessThan(scope.MaxHits, 1, nameof(scope));
        var matcher = new MentionMatcher([draft]);
        var hits = new List<Mention>();
        var scanned = 0;
        PostCursor? after = null;
        while (scanned < scope.MaxPosts)
        {
            var limit = Math.Min(PageSize, scope.MaxPosts - scanned);
            var page = await _posts.GetPostsAsync(
                new StoredPostQuery { From = scope.From, Until = scope.Until, After = after, NewestFirst = true, Limit = limit },
                cancellationToken).ConfigureAwait(false);
            foreach (var post in page)
            {
                scanned++;
                hits.AddRange(matcher.Match(post));
                if (hits.Count >= scope.MaxHits)
                {
                    return new PreviewResult { Scanned = scanned, Hits = hits, Truncated = true };
                }
            }

            if (page.Count < limit)
            {
                break;
            }

            after = new PostCursor(page[^1].CreatedAt, page[^1].Id);
        }

        return new PreviewResult { Scanned = scanned, Hits = hits };
    }

    /// <summary>Explains why a post matches a query, or which clause fails: the query tree with each clause's outcome and the terms it found.</summary>
    /// <param name="query">The query, in the Monitro query language.</param>
    /// <param name="post">The post.</param>
    /// <returns>The explanation of the whole query; its <see cref="ClauseExplanation.Matched"/> is the verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="post"/> is <see langword="null"/>.</exception>
    /// <exception cref="QuerySyntaxException">The query is not valid.</exception>
    public static ClauseExplanation Explain(string query, Post post)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(post);
        var root = QueryCompiler.Compile(query);
        using var context = PostContext.Of(post);
        return QueryExplainer.Explain(root, context, new QueryEvaluator());
    }
}
