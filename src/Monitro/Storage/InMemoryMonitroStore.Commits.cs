using System.Runtime.CompilerServices;
using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IMonitroStore"/> side of the in-memory store: checkpoints, known posts and batch commits.</summary>
/// <remarks>
/// A commit is validated whole before anything changes, then applied under the lock in the order the durable
/// stores write it: people and identities, posts, mentions, interactions, retractions, skipped items, alerts and
/// the checkpoint. Every row is an upsert keyed by its natural id, so replaying a batch changes nothing.
/// </remarks>
public sealed partial class InMemoryMonitroStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is null or empty.</exception>
    public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_checkpoints.GetValueOrDefault(sourceName));
        }
    }

    /// <inheritdoc />
    /// <remarks>Retracted posts count as known, so a replayed source does not process them again.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="postIds"/> is <see langword="null"/>.</exception>
    public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        cancellationToken.ThrowIfCancellationRequested();
        var known = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var id in postIds)
            {
                if (id is not null && _posts.ContainsKey(id))
                {
                    known.Add(id);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlySet<string>>(known);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="commit"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The commit is not valid (an empty id, an oversized text, a checkpoint of another source); the message names the item and field. Nothing is written.</exception>
    // Once per batch or per post: compiled optimized at once, since on a one-core host the runtime leaves such code unoptimized for most of a stream.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default)
    {
        BatchCommitValidator.Validate(commit, MaxTextLength);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var posts = CommitPosts.Collect(commit);
            WritePeople(posts, commit.Interactions);
            foreach (var post in posts)
            {
                // A tombstone stays a tombstone: a replayed batch cannot bring a retracted post back.
                if (!_posts.TryGetValue(post.Id, out var row) || !row.IsRetracted)
                {
                    _posts[post.Id] = new PostRow(post.Author.IdentityKey, post, RetractedAt: null);
                }
            }

            foreach (var mention in commit.Mentions)
            {
                if (!IsRetracted(mention.Post.Id))
                {
                    _mentions[mention.Id] = mention;
                }
            }

            foreach (var interaction in commit.Interactions)
            {
                if (!IsRetracted(interaction.PostId))
                {
                    _interactions[interaction.Id] = interaction;
                }
            }

            foreach (var postId in commit.Retractions)
            {
                Retract(postId, now);
            }

            foreach (var item in commit.Skipped)
            {
                RecordDeadLetter(
                    DeadLetterKinds.SourceItem,
                    item.SourceName,
                    item.Position,
                    StoreDiagnostics.Cut(item.Reason, StoreDiagnostics.MaxReasonLength),
                    StoreDiagnostics.CutOrNull(item.Excerpt, StoreDiagnostics.MaxExcerptLength),
                    personId: null,
                    alert: null,
                    attempts: 0,
                    now);
            }

            foreach (var alert in commit.Alerts)
            {
                Enqueue(alert, now);
            }

            WriteInbox(commit, now);
            WriteAlertState(commit.AlertState);

            if (commit.Checkpoint is { } checkpoint)
            {
                _checkpoints[checkpoint.SourceName] = checkpoint;
            }
        }

        return ValueTask.CompletedTask;
    }

    // Every author becomes a person with one identity; the identity keeps the details of the newest post seen,
    // so a replay of an old post does not roll them back. The people of interactions are recorded too.
    // Per post committed: compiled optimized at once, as CommitAsync is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WritePeople(List<Post> posts, IReadOnlyList<Interaction> interactions)
    {
        foreach (var post in posts)
        {
            var key = post.Author.IdentityKey;
            SeePerson(key, post.CreatedAt);
            if (!_identities.TryGetValue(key, out var identity) || post.CreatedAt >= identity.SeenAt)
            {
                _identities[key] = new IdentityRow(post.Author, post.CreatedAt);
            }
        }

        foreach (var interaction in interactions)
        {
            SeePerson(interaction.PersonId, interaction.OccurredAt);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SeePerson(string personId, DateTimeOffset seenAt)
    {
        _people[personId] = _people.TryGetValue(personId, out var seen)
            ? new PersonRow(Min(seen.FirstSeenAt, seenAt), Max(seen.LastSeenAt, seenAt))
            : new PersonRow(seenAt, seenAt);

        static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
        static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsRetracted(string postId) => _posts.TryGetValue(postId, out var row) && row.IsRetracted;

    // A retraction of a post never stored leaves no tombstone; its mentions, interactions and pending alerts go either way.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Retract(string postId, DateTimeOffset now)
    {
        if (_posts.TryGetValue(postId, out var row) && !row.IsRetracted)
        {
            _posts[postId] = row with { Post = null, RetractedAt = now };
        }

        RemoveWhere(_mentions, mention => mention.Post.Id == postId);
        RemoveWhere(_interactions, interaction => interaction.PostId == postId);
        RemoveWhere(_outbox, slot => slot.PostId == postId);
    }

    // A settled key (delivered or dead) is never enqueued again, nor an alert about a retracted post.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Enqueue(Alert alert, DateTimeOffset now)
    {
        var key = alert.IdempotencyKey;
        if (_settledAlertKeys.Contains(key) || _outbox.ContainsKey(key) || (alert.Mention is { } mention && IsRetracted(mention.Post.Id)))
        {
            return;
        }

        _outbox[key] = new OutboxSlot(alert, ++_outboxSequence) { DueAt = now, EnqueuedAt = now };
    }

    // One dead letter per kind, origin and position: recording it again updates its reason and time in place.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RecordDeadLetter(
        string kind, string origin, string position, string reason, string? excerpt, string? personId, Alert? alert, int attempts, DateTimeOffset now)
    {
        var key = (kind, origin, position);
        var id = _deadLetters.TryGetValue(key, out var existing) ? existing.Id : ++_deadLetterSequence;
        var letter = new DeadLetter { Kind = kind, Origin = origin, Position = position, Reason = reason, Excerpt = excerpt, RecordedAt = now };
        _deadLetters[key] = new DeadLetterRow(id, letter, personId, alert, attempts);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RemoveWhere<TKey, TValue>(Dictionary<TKey, TValue> rows, Func<TValue, bool> predicate)
        where TKey : notnull
    {
        var keys = rows.Where(pair => predicate(pair.Value)).Select(pair => pair.Key).ToList();
        foreach (var key in keys)
        {
            rows.Remove(key);
        }

        return keys.Count;
    }
}
