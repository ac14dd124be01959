using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Monitro.Alerting.Outbox;
using Monitro.Alerting.State;
using Monitro.Diagnostics;

namespace Monitro.Pipeline;

/// <summary>
/// The middle of the pipeline, one batch at a time: normalize, drop recent duplicates, match, drop what the store
/// already has, enrich, relate, and commit the results with the batch's checkpoint; then hand the mentions on.
/// </summary>
/// <remarks>One instance per run, driven by one task, so its caches need no locks.</remarks>
internal sealed class BatchProcessor
{
    private readonly IMentionMatcher _matcher;
    private readonly IMonitroStore _store;
    private readonly IRelationshipScorer _scorer;
    private readonly PostNormalizer _normalizer;
    private readonly PostEnricher _enricher;
    private readonly InteractionBuilder _interactions;
    private readonly Inbox.InboxItemBuilder _inbox;
    private readonly OwnAccounts _ownAccounts;
    private readonly RecentItems<bool> _seen;

    // Per-batch scratch sets, kept from batch to batch instead of allocated for each.
    private readonly HashSet<string> _inBatch = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ownPostsInBatch = new(StringComparer.Ordinal);
    private readonly List<string> _candidateIds = [];

    // The commit in flight (with the hand-off of its mentions), and how many fresh posts its batch had.
    private Task _committing = Task.CompletedTask;
    private int _committingFresh;
    private readonly AlertCommitter _committer;
    private readonly Alerting.AlertRouter _alerting;
    private readonly MonitroOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly MonitroMetrics _metrics;
    private readonly ILogger _logger;

    /// <param name="services">What the run works with.</param>
    /// <param name="committer">Commits the batches with their alerts.</param>
    public BatchProcessor(PipelineServices services, AlertCommitter committer)
    {
        _matcher = services.Matcher;
        _store = services.Store;
        _scorer = services.Scorer;
        _options = services.Options;
        _ownAccounts = new OwnAccounts(_options.OwnAccounts);
        _normalizer = new PostNormalizer(_options.MaxTextLength);
        _enricher = new PostEnricher(services.SentimentAnalyzer, services.IntentDetector, _ownAccounts);
        _interactions = new InteractionBuilder(_ownAccounts, _options.DeduplicationCacheSize);
        _inbox = new Inbox.InboxItemBuilder(services.ResponseTargets);
        _seen = new RecentItems<bool>(_options.DeduplicationCacheSize);
        _committer = committer;
        _alerting = services.Alerting;
        _timeProvider = services.TimeProvider;
        _metrics = services.Metrics;
        _logger = services.Logger;
    }

    /// <summary>Processes the batches of the queue until it completes; each batch is committed while the next one is processed.</summary>
    /// <remarks>
    /// The commit of a batch starts once the batch before it is committed, so commits keep their order and one is in
    /// flight at a time, and the mentions of each go to <paramref name="output"/> once it is committed. A commit that
    /// waits (for delivery room, for a store's disk on the pipeline's commit thread, <see cref="CommitThread"/>) lets
    /// the next batch be prepared meanwhile. A failed commit ends the run: nothing after it is committed.
    /// </remarks>
    public async Task RunAsync(ChannelReader<SourceWork> batches, ChannelWriter<Mention>? output, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var work in batches.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (work.Check is { } check)
                {
                    // Between two batches: this task alone records, advances and commits the relationships.
                    await _committing.ConfigureAwait(false);
                    await check.CheckOrLogAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (work.IsEnd)
                {
                    // Batches are committed in order, so everything the source read is committed once the last commit is.
                    await _committing.ConfigureAwait(false);
                    _logger.SourceCompleted(work.SourceName);
                    continue;
                }

                // The batches of this source already waiting behind it are committed with it, in one transaction.
                var prepared = await PrepareAsync(WaitingBatches.Join(work, batches, out _), cancellationToken).ConfigureAwait(false);
                await _committing.ConfigureAwait(false);
                _committingFresh = prepared.Fresh.Count;
                _committing = CommitAndHandOnAsync(prepared, output, cancellationToken);
            }
        }
        catch (Exception)
        {
            // The run fails with the first error; the commit in flight ends first, so nothing writes after the run.
            await WhenSettled(_committing).ConfigureAwait(false);
            throw;
        }

        await _committing.ConfigureAwait(false);
    }

    /// <summary>Processes and commits one batch.</summary>
    /// <returns>The mentions committed.</returns>
    public async Task<IReadOnlyList<Mention>> ProcessAsync(SourceWork work, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(work, cancellationToken).ConfigureAwait(false);
        await CommitAsync(prepared, cancellationToken).ConfigureAwait(false);
        return prepared.Mentions;
    }

    /// <summary>Everything before the commit: normalize, drop duplicates, match, enrich, relate, route the alerts.</summary>
    /// <returns>The commit, with what its report needs.</returns>
    private async Task<PreparedBatch> PrepareAsync(SourceWork work, CancellationToken cancellationToken)
    {
        var activity = MonitroActivities.Source.StartActivity("monitro.batch");
        activity?.SetTag(MonitroDiagnostics.SourceTag, work.SourceName);
        try
        {
            return await PrepareAsync(work, activity, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            activity?.Dispose();
            throw;
        }
    }

    private async Task<PreparedBatch> PrepareAsync(SourceWork work, Activity? activity, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var batch = work.Batch;

        var skipped = new List<SkippedItem>(batch.Skipped);
        _metrics.PostsRead(work.SourceName, batch.Posts.Count);
        var fresh = Normalize(work.SourceName, batch.Posts, skipped);
        var duplicates = batch.Posts.Count - fresh.Count - (skipped.Count - batch.Skipped.Count);

        // Only the posts that matched or belong to a conversation with us can be stored, so only they are looked up
        // in the store: most posts match nothing and cost a read and a match, no store look-up.
        var candidates = SelectCandidates(work.SourceName, fresh, skipped);
        if (_committingFresh > 0 && _committingFresh + fresh.Count > _seen.Capacity)
        {
            // The recent ids may have forgotten some of the batch being committed (for this batch's ids, added as it was
            // normalized): the store must have it before it is asked.
            await _committing.ConfigureAwait(false);
        }

        duplicates += await DropKnownAsync(candidates, cancellationToken).ConfigureAwait(false);

        var posts = new List<Post>(candidates.Count);
        var mentions = new List<Mention>();
        var interactions = new List<(Interaction Interaction, Author Person)>();
        var inboxItems = new List<InboxItem>();
        EnrichAndRelate(work.SourceName, candidates, posts, mentions, interactions, inboxItems, skipped);

        var now = _timeProvider.GetUtcNow();
        var state = new AlertStateWriter(); // what the batch changes in digest windows, spike series and links, committed with it
        var alerts = _alerting.Route(mentions, batch.Retractions, now, state);
        if (_scorer is Relationships.RelationshipRegistry registry)
        {
            // People a start restored from their snapshot alone are read before this batch records or wakes them.
            await registry.LoadAsync(interactions.Select(static pair => pair.Person), now, cancellationToken).ConfigureAwait(false);
        }

        if (interactions.Count > 0)
        {
            await _scorer.ResolvePeopleAsync(interactions.Select(static pair => pair.Person), now, cancellationToken).ConfigureAwait(false);
        }

        // Relate: record, then compute the transitions before the commit so their alerts share its transaction.
        interactions.RemoveAll(pair => !TryRecord(work.SourceName, pair.Interaction, pair.Person, skipped));
        if (inboxItems.Count > 0)
        {
            var recorded = interactions.Select(static pair => pair.Interaction.PostId).ToHashSet(StringComparer.Ordinal);
            inboxItems.RemoveAll(item => !recorded.Contains(item.Id));
        }

        alerts.AddRange(_alerting.RouteTransitions(_scorer, now));
        (_scorer as Relationships.RelationshipRegistry)?.TakeUnsaved(state);

        return new PreparedBatch(
            new BatchCommit
            {
                SourceName = work.SourceName,
                Posts = posts,
                Mentions = mentions,
                Interactions = interactions.ConvertAll(pair => pair.Interaction),
                InboxItems = inboxItems,
                Retractions = batch.Retractions,
                Skipped = skipped,
                Alerts = alerts,
                AlertState = state.ToChanges(),
                Checkpoint = batch.Checkpoint,
            },
            batch,
            fresh,
            skipped,
            duplicates,
            mentions,
            started,
            activity);
    }

    /// <summary>Commits a prepared batch, reports it, and hands its mentions on.</summary>
    private async Task CommitAndHandOnAsync(PreparedBatch prepared, ChannelWriter<Mention>? output, CancellationToken cancellationToken)
    {
        await CommitAsync(prepared, cancellationToken).ConfigureAwait(false);
        if (output is not null)
        {
            foreach (var mention in prepared.Mentions)
            {
                await output.WriteAsync(mention, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Commits a prepared batch and reports it.</summary>
    private async Task CommitAsync(PreparedBatch prepared, CancellationToken cancellationToken)
    {
        var commit = prepared.Commit;
        try
        {
            await _committer.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
            Report(commit.SourceName, prepared);
            _metrics.BatchProcessed(commit.SourceName, _timeProvider.GetElapsedTime(prepared.Started));
        }
        finally
        {
            prepared.Activity?.Dispose();
        }
    }

    /// <summary>Matches the fresh posts of a batch; keeps those that matched or may belong to a conversation with us.</summary>
    /// <remarks>
    /// A post answering one of our posts earlier in the same batch counts as a candidate too: whether it is part of a
    /// conversation is decided again, in batch order, by <see cref="EnrichAndRelate"/>. Compiled optimized at once: on a
    /// one-core host the runtime may not get to optimize it while the pipeline runs.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<Candidate> SelectCandidates(string sourceName, List<Post> fresh, List<SkippedItem> skipped)
    {
        var candidates = new List<Candidate>();
        _ownPostsInBatch.Clear();
        foreach (var post in fresh)
        {
            var stage = PostStage.Match;
            try
            {
                var found = Match(post);
                stage = PostStage.Relate;
                if (found.Count > 0 || _interactions.IsConversationWithUs(post) || (post.ReplyToId is { } parent && _ownPostsInBatch.Contains(parent)))
                {
                    candidates.Add(new Candidate(post, found));
                    if (!_ownAccounts.IsEmpty && _ownAccounts.IsOwn(post.Author))
                    {
                        _ownPostsInBatch.Add(post.Id);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One post that trips a stage must not stop the stream; it is kept as a dead letter naming the stage.
                skipped.Add(StageFailed(sourceName, post.Id, stage, exception));
            }
        }

        return candidates;
    }

    /// <summary>Drops the candidates the store already has (committed earlier, or retracted).</summary>
    /// <returns>How many were dropped.</returns>
    private async ValueTask<int> DropKnownAsync(List<Candidate> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        _candidateIds.Clear();
        foreach (var candidate in candidates)
        {
            _candidateIds.Add(candidate.Post.Id);
        }

        var known = await _store.GetKnownPostIdsAsync(_candidateIds, cancellationToken).ConfigureAwait(false);
        return known.Count == 0 ? 0 : candidates.RemoveAll(candidate => known.Contains(candidate.Post.Id));
    }

    /// <summary>Enriches and relates the candidates of a batch, in batch order; keeps those that matched or belong to a conversation with us.</summary>
    /// <remarks>Compiled optimized at once, as <see cref="SelectCandidates"/> is.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EnrichAndRelate(string sourceName, List<Candidate> candidates, List<Post> posts, List<Mention> mentions, List<(Interaction Interaction, Author Person)> interactions, List<InboxItem> inboxItems, List<SkippedItem> skipped)
    {
        foreach (var (post, found) in candidates)
        {
            var stage = PostStage.Relate;
            try
            {
                var conversation = _interactions.IsConversationWithUs(post);
                if (found.Count == 0 && !conversation)
                {
                    continue;
                }

                stage = PostStage.Enrich;
                var signals = _ownAccounts.IsOwn(post.Author) ? null : _enricher.Enrich(post);
                var enriched = new Mention[found.Count];
                for (var i = 0; i < found.Count; i++)
                {
                    enriched[i] = found[i] with { Signals = signals };
                }

                stage = PostStage.Relate;
                var interaction = _interactions.Build(post, enriched, signals, out var person);
                if (interaction is not null)
                {
                    interactions.Add((interaction, person!));
                    if (_inbox.Build(interaction, post, conversation) is { } item)
                    {
                        inboxItems.Add(item);
                    }
                }

                posts.Add(post);
                mentions.AddRange(enriched);
                _interactions.Remember(post);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One post that trips a stage must not stop the stream; it is kept as a dead letter naming the stage.
                skipped.Add(StageFailed(sourceName, post.Id, stage, exception));
            }
        }
    }

    /// <summary>Normalizes the posts of a batch; keeps the valid ones not seen recently nor earlier in the batch.</summary>
    /// <remarks>
    /// <para>The ids of the kept posts, matched or not, are remembered as they are checked: the next batch, processed
    /// while this one commits, drops them without asking the store, and a repeat later in this batch is dropped by the
    /// same look-up. They are remembered before the batch is committed: when its preparation or commit fails, the run
    /// ends with this processor.</para>
    /// <para>Compiled optimized at once, as <see cref="SelectCandidates"/> is.</para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<Post> Normalize(string sourceName, IReadOnlyList<Post> incoming, List<SkippedItem> skipped)
    {
        var candidates = new List<Post>(incoming.Count);
        // A batch longer than the recent ids can make them forget its own first posts: its repeats are checked apart.
        var checkInBatch = incoming.Count > _seen.Capacity;
        _inBatch.Clear();
        Func<Post, Exception, SkippedItem> failed = (raw, exception) => StageFailed(sourceName, raw.Id, PostStage.Normalize, exception);
        foreach (var raw in incoming)
        {
            var post = _normalizer.NormalizeOrSkip(sourceName, raw, skipped, failed);
            if (post is not null && _seen.TryAdd(post.Id, true) && (!checkInBatch || _inBatch.Add(post.Id)))
            {
                candidates.Add(post);
            }
        }

        return candidates;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private IReadOnlyList<Mention> Match(Post post) =>
        _ownAccounts.IsOwn(post.Author) && !_options.IncludeOwnPostsAsMentions ? [] : _matcher.Match(post);

    /// <summary>Records an interaction with the scorer; when that throws, the post is kept as a dead letter and the interaction left out.</summary>
    private bool TryRecord(string sourceName, Interaction interaction, Author person, List<SkippedItem> skipped)
    {
        try
        {
            _scorer.Record(interaction, person);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            skipped.Add(StageFailed(sourceName, interaction.PostId, PostStage.Relate, exception));
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SkippedItem StageFailed(string sourceName, string? postId, string stage, Exception exception)
    {
        _logger.PostStageFailed(exception, stage, postId ?? "(no id)", sourceName);
        return new SkippedItem(sourceName, postId ?? "(no id)", $"{stage} failed: {exception.GetType().Name}: {exception.Message}");
    }

    private void Report(string sourceName, PreparedBatch prepared)
    {
        var (skipped, duplicates, mentions) = (prepared.Skipped, prepared.Duplicates, prepared.Mentions);
        foreach (var item in skipped)
        {
            _logger.ItemSkipped(sourceName, item.Position, item.Reason);
        }

        if (skipped.Count > 0)
        {
            _metrics.ItemsSkipped(sourceName, skipped.Count);
        }

        if (duplicates > 0)
        {
            _metrics.PostsDuplicate(sourceName, duplicates);
        }

        foreach (var mention in mentions)
        {
            _metrics.MentionMatched(sourceName, mention.Watch.Category);
            _logger.MentionMatched(mention.Id, sourceName);
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                _logger.PostText(mention.Post.Id, mention.Post.Author.Handle, mention.Post.Text);
            }
        }

        _logger.BatchCommitted(sourceName, prepared.Batch.Posts.Count, duplicates, mentions.Count);
        prepared.Activity?.SetTag("monitro.mentions", mentions.Count);
    }

    private static async Task WhenSettled(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The run already fails with an earlier error; here the commit in flight is only waited for.
        }
    }

    /// <summary>A fresh post that matched, or may belong to a conversation with us, and what it matched.</summary>
    private readonly record struct Candidate(Post Post, IReadOnlyList<Mention> Found);

    /// <summary>A batch processed up to its commit, with what its report needs.</summary>
    private sealed record PreparedBatch(
        BatchCommit Commit,
        SourceBatch Batch,
        List<Post> Fresh,
        List<SkippedItem> Skipped,
        int Duplicates,
        List<Mention> Mentions,
        long Started,
        Activity? Activity);
}
