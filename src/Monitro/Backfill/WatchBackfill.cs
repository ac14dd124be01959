using Monitro.Pipeline;
using Monitro.Backfill;

namespace Monitro;

/// <summary>Re-matches stored posts against a watch that was added or changed, writing its mentions exactly once.</summary>
/// <remarks>
/// <para>Posts are read oldest first in batches of <see cref="BackfillOptions.BatchSize"/>; each batch's mentions are
/// committed in one transaction with the cursor (the checkpoint of the source <c>backfill:watch-name</c>), so a
/// cancelled or crashed run resumes after the last committed batch. Mentions are keyed by (watch, post): a batch
/// written twice, or a post the pipeline already matched, still leaves one mention.</para>
/// <para>A backfill raises no alerts (the posts are old news) and does not remove mentions the watch's previous query
/// produced. Signals are read with the analyzers given, as the pipeline does. Run it in the background with
/// <c>Task.Run</c>; one run per watch at a time.</para>
/// </remarks>
public sealed class WatchBackfill
{
    private readonly IStoredPosts _posts;
    private readonly IMonitroStore _store;
    private readonly ISentimentAnalyzer? _sentiment;
    private readonly IIntentDetector? _intents;

    /// <summary>Initializes a new instance of the <see cref="WatchBackfill"/> class.</summary>
    /// <param name="posts">The stored posts to read.</param>
    /// <param name="store">The store to write the mentions and the cursor to (the same store).</param>
    /// <param name="sentiment">The sentiment analyzer, or <see langword="null"/> for none.</param>
    /// <param name="intents">The intent detector, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="posts"/> or <paramref name="store"/> is <see langword="null"/>.</exception>
    public WatchBackfill(IStoredPosts posts, IMonitroStore store, ISentimentAnalyzer? sentiment = null, IIntentDetector? intents = null)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(store);
        _posts = posts;
        _store = store;
        _sentiment = sentiment;
        _intents = intents;
    }

    /// <summary>Re-matches the stored posts after the watch's stored cursor, batch by batch, until none are left.</summary>
    /// <param name="watch">The watch as it is now.</param>
    /// <param name="options">The batch size and range; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Told after each committed batch, and once at the end.</param>
    /// <param name="cancellationToken">A token that stops the run between batches; what was committed stays.</param>
    /// <returns>The final progress.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="watch"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is out of range.</exception>
    /// <exception cref="QuerySyntaxException">The watch's query is not valid.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async ValueTask<BackfillProgress> RunAsync(Watch watch, BackfillOptions? options = null, IProgress<BackfillProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        options ??= new BackfillOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.BatchSize, StoredPostQuery.MaxLimit, nameof(options));
        var matcher = new MentionMatcher([watch]);
        var enricher = new PostEnricher(_sentiment, _intents, new OwnAccounts(options.OwnAccounts));
        var sourceName = BackfillCheckpoint.SourceName(watch);
        var fingerprint = BackfillCheckpoint.Fingerprint(watch, options);
        var state = BackfillCheckpoint.Read(await _store.GetCheckpointAsync(sourceName, cancellationToken).ConfigureAwait(false), fingerprint, watch.Name);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await _posts.GetPostsAsync(
                new StoredPostQuery { From = options.From, Until = options.Until, After = state.Cursor, Limit = options.BatchSize },
                cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            var mentions = page.SelectMany(matcher.Match).Select(m => m with { Signals = enricher.Enrich(m.Post) }).ToList();
            state = state with
            {
                Scanned = state.Scanned + page.Count,
                Matched = state.Matched + mentions.Count,
                Cursor = new PostCursor(page[^1].CreatedAt, page[^1].Id),
            };
            await _store.CommitAsync(
                new BatchCommit { SourceName = sourceName, Mentions = mentions, Checkpoint = new SourceCheckpoint(sourceName, BackfillCheckpoint.Write(fingerprint, state)) },
                cancellationToken).ConfigureAwait(false);
            if (page.Count < options.BatchSize)
            {
                break;
            }

            progress?.Report(state);
        }

        state = state with { Completed = true };
        progress?.Report(state);
        return state;
    }
}
