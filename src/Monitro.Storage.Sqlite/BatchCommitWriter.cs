using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>Writes a validated <see cref="BatchCommit"/> inside the caller's transaction, every row as an upsert keyed by its natural id.</summary>
/// <remarks>
/// Retractions are applied after the posts of the same batch, so a post and its retraction in one batch leave a
/// tombstone. A retracted post keeps a tombstone row (no payload) so that a replayed batch cannot bring it back.
/// </remarks>
internal static class BatchCommitWriter
{
    // One row per person and commit, with the earliest and latest moment the commit saw them: the same as one upsert
    // per moment (min and max), in one statement instead of one per post and one per interaction. A row the commit
    // would not change is not written again (a page less in the write-ahead log).
    private const string UpsertPerson = """
        INSERT INTO people (id, first_seen_at, last_seen_at) VALUES ($id, $first_seen, $last_seen)
        ON CONFLICT (id) DO UPDATE SET
            first_seen_at = min(people.first_seen_at, excluded.first_seen_at),
            last_seen_at = max(people.last_seen_at, excluded.last_seen_at)
        WHERE excluded.first_seen_at < people.first_seen_at OR excluded.last_seen_at > people.last_seen_at;
        """;

    // The identity keeps the details of the newest post seen, so a replay of an old post does not roll them back.
    private const string UpsertIdentity = """
        INSERT INTO identities (identity_key, person_id, platform, handle, display_name, profile_url, followers, seen_at)
        VALUES ($key, $key, $platform, $handle, $display_name, $profile_url, $followers, $seen)
        ON CONFLICT (identity_key) DO UPDATE SET
            platform = excluded.platform, handle = excluded.handle, display_name = excluded.display_name,
            profile_url = excluded.profile_url, followers = excluded.followers, seen_at = excluded.seen_at
        WHERE excluded.seen_at >= identities.seen_at;
        """;

    private const string UpsertPost = """
        INSERT INTO posts (id, source, author_id, created_at, reply_to_id, payload)
        VALUES ($id, $source, $author_id, $created_at, $reply_to_id, $payload)
        ON CONFLICT (id) DO UPDATE SET
            source = excluded.source, author_id = excluded.author_id, created_at = excluded.created_at,
            reply_to_id = excluded.reply_to_id, payload = excluded.payload
        WHERE posts.retracted_at IS NULL;
        """;

    private const string UpsertMention = """
        INSERT INTO mentions (id, watch_name, post_id, person_id, created_at, category, sentiment_label, sentiment, payload)
        SELECT $id, $watch_name, $post_id, $person_id, $created_at, $category, $sentiment_label, $sentiment, $payload
        WHERE NOT EXISTS (SELECT 1 FROM posts WHERE id = $post_id AND retracted_at IS NOT NULL)
        ON CONFLICT (id) DO UPDATE SET
            watch_name = excluded.watch_name, post_id = excluded.post_id, person_id = excluded.person_id,
            created_at = excluded.created_at, category = excluded.category, sentiment_label = excluded.sentiment_label,
            sentiment = excluded.sentiment, payload = excluded.payload;
        """;

    // The fingerprint halves depend on the id alone, so an update of the same id keeps them.
    private const string UpsertInteraction = """
        INSERT INTO interactions (id, person_id, post_id, direction, occurred_at, payload, fingerprint_lo, fingerprint_hi)
        SELECT $id, $person_id, $post_id, $direction, $occurred_at, $payload, $fingerprint_lo, $fingerprint_hi
        WHERE NOT EXISTS (SELECT 1 FROM posts WHERE id = $post_id AND retracted_at IS NOT NULL)
        ON CONFLICT (id) DO UPDATE SET
            person_id = excluded.person_id, post_id = excluded.post_id, direction = excluded.direction,
            occurred_at = excluded.occurred_at, payload = excluded.payload;
        """;

    private const string Retract = """
        UPDATE posts SET retracted_at = $now, payload = NULL WHERE id = $id AND retracted_at IS NULL;
        DELETE FROM mentions WHERE post_id = $id;
        DELETE FROM interactions WHERE post_id = $id;
        DELETE FROM alert_outbox WHERE post_id = $id;
        """;

    private const string UpsertSkipped = """
        INSERT INTO dead_letters (kind, origin, position, reason, excerpt, recorded_at)
        VALUES ('source-item', $origin, $position, $reason, $excerpt, $now)
        ON CONFLICT (kind, origin, position) DO UPDATE SET
            reason = excluded.reason, excerpt = excluded.excerpt, recorded_at = excluded.recorded_at;
        """;

    // A settled key (delivered or dead) is never enqueued again, nor an alert about a retracted post.
    private const string EnqueueAlert = """
        INSERT INTO alert_outbox (idempotency_key, kind, post_id, person_id, payload, attempts, enqueued_at, next_attempt_at)
        SELECT $key, $kind, $post_id, $person_id, $payload, 0, $now, $now
        WHERE NOT EXISTS (SELECT 1 FROM settled_alerts WHERE key_hash = $key_hash)
          AND NOT EXISTS (SELECT 1 FROM posts WHERE id = $post_id AND retracted_at IS NOT NULL)
        ON CONFLICT (idempotency_key) DO NOTHING;
        """;

    private const string UpsertCheckpoint = """
        INSERT INTO checkpoints (source_name, value, updated_at) VALUES ($source_name, $value, $now)
        ON CONFLICT (source_name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
        """;

    private static readonly string[] PersonParameters = ["$id", "$first_seen", "$last_seen"];

    private static readonly string[] IdentityParameters = ["$key", "$platform", "$handle", "$display_name", "$profile_url", "$followers", "$seen"];

    private static readonly string[] PostParameters = ["$id", "$source", "$author_id", "$created_at", "$reply_to_id", "$payload"];

    private static readonly string[] MentionParameters =
        ["$id", "$watch_name", "$post_id", "$person_id", "$created_at", "$category", "$sentiment_label", "$sentiment", "$payload"];

    private static readonly string[] InteractionParameters =
        ["$id", "$person_id", "$post_id", "$direction", "$occurred_at", "$payload", "$fingerprint_lo", "$fingerprint_hi"];

    private static readonly string[] AlertParameters = ["$key", "$kind", "$post_id", "$person_id", "$payload", "$now", "$key_hash"];

    private static readonly string[] CheckpointParameters = ["$source_name", "$value", "$now"];

    /// <summary>Writes the commit with the writer's prepared statements (the per-row ones bound by position, see <see cref="RowStatement"/>).</summary>
    /// <param name="writer">The store's write connection.</param>
    /// <param name="transaction">The transaction of the commit.</param>
    /// <param name="commit">The validated commit.</param>
    /// <param name="settledKeys">Hashes the keys of settled alerts.</param>
    /// <param name="now">The time of the commit, in Unix milliseconds.</param>
    /// <param name="enqueued">Where the alerts newly enqueued are added, or <see langword="null"/>.</param>
    /// <returns>The number of alerts newly enqueued.</returns>
    // Once per batch or per post: compiled optimized at once, since on a one-core host the runtime leaves such code unoptimized for most of a stream.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Write(SqliteWriter writer, SqliteTransaction transaction, BatchCommit commit, SettledKeyHasher settledKeys, long now, List<Alert>? enqueued = null)
    {
        var posts = CommitPosts.Collect(commit);
        WritePeople(writer, posts, commit.Interactions);
        WritePosts(writer.Statement(UpsertPost, PostParameters), posts);
        if (commit.Mentions.Count > 0)
        {
            WriteMentions(writer.Statement(UpsertMention, MentionParameters), commit.Mentions);
        }

        if (commit.Interactions.Count > 0)
        {
            WriteInteractions(writer.Statement(UpsertInteraction, InteractionParameters), commit.Interactions);
        }

        if (commit.Retractions.Count > 0)
        {
            WriteRetractions(writer.Command(transaction, Retract, "$id", "$now"), commit.Retractions, now);
        }

        if (commit.Skipped.Count > 0)
        {
            WriteSkipped(writer.Command(transaction, UpsertSkipped, "$origin", "$position", "$reason", "$excerpt", "$now"), commit.Skipped, now);
        }

        var count = commit.Alerts.Count == 0 ? 0 : WriteAlerts(writer.Statement(EnqueueAlert, AlertParameters), commit.Alerts, settledKeys, now, enqueued);
        SqliteMonitroStore.WriteInbox(writer, transaction, commit, settledKeys, now);
        SqliteMonitroStore.WriteAlertState(writer, transaction, commit.AlertState);
        if (commit.Checkpoint is { } checkpoint)
        {
            writer.Statement(UpsertCheckpoint, CheckpointParameters).Text(0, checkpoint.SourceName).Text(1, checkpoint.Value).Integer(2, now).Run();
        }

        return count;
    }

    /// <summary>Writes interactions inside the caller's transaction.</summary>
    internal static void WriteInteractions(SqliteConnection connection, IReadOnlyList<Interaction> interactions)
    {
        using var statement = new RowStatement(connection, UpsertInteraction, InteractionParameters);
        WriteInteractions(statement, interactions);
    }

    /// <summary>Enqueues alerts inside the caller's transaction, unless their key is settled or their post retracted.</summary>
    /// <returns>The number of alerts newly enqueued.</returns>
    internal static int WriteAlerts(SqliteConnection connection, IReadOnlyList<Alert> alerts, SettledKeyHasher settledKeys, long now)
    {
        using var statement = new RowStatement(connection, EnqueueAlert, AlertParameters);
        return WriteAlerts(statement, alerts, settledKeys, now, enqueued: null);
    }

    /// <summary>Enqueues alerts inside the caller's transaction with the writer's prepared command, unless their key is settled or their post retracted.</summary>
    /// <returns>The number of alerts newly enqueued.</returns>
    internal static int WriteAlerts(SqliteWriter writer, IReadOnlyList<Alert> alerts, SettledKeyHasher settledKeys, long now) =>
        WriteAlerts(writer.Statement(EnqueueAlert, AlertParameters), alerts, settledKeys, now, enqueued: null);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WritePeople(SqliteWriter writer, List<Post> posts, IReadOnlyList<Interaction> interactions)
    {
        var newest = new Dictionary<string, Post>(posts.Count, StringComparer.Ordinal);
        foreach (var post in posts)
        {
            var key = post.Author.IdentityKey;
            if (!newest.TryGetValue(key, out var seen) || post.CreatedAt > seen.CreatedAt)
            {
                newest[key] = post;
            }
        }

        var moments = new Dictionary<string, (long First, long Last)>(newest.Count + interactions.Count, StringComparer.Ordinal);
        var identity = writer.Statement(UpsertIdentity, IdentityParameters);
        foreach (var (key, post) in newest)
        {
            var at = UnixTime.ToMilliseconds(post.CreatedAt);
            var author = post.Author;
            identity.Text(0, key).Text(1, author.Platform).Text(2, author.Handle).Text(3, author.DisplayName)
                .Text(4, author.ProfileUrl?.OriginalString).Integer(5, author.Followers).Integer(6, at).Run();
            Widen(moments, key, at);
        }

        foreach (var interaction in interactions)
        {
            Widen(moments, interaction.PersonId, UnixTime.ToMilliseconds(interaction.OccurredAt));
        }

        var person = writer.Statement(UpsertPerson, PersonParameters);
        foreach (var (id, (first, last)) in moments)
        {
            person.Text(0, id).Integer(1, first).Integer(2, last).Run();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Widen(Dictionary<string, (long First, long Last)> moments, string personId, long at)
    {
        ref var range = ref CollectionsMarshal.GetValueRefOrAddDefault(moments, personId, out var exists);
        range = exists ? (Math.Min(range.First, at), Math.Max(range.Last, at)) : (at, at);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WritePosts(RowStatement statement, List<Post> posts)
    {
        foreach (var post in posts)
        {
            statement.Text(0, post.Id).Text(1, post.Source).Text(2, post.Author.IdentityKey).Integer(3, UnixTime.ToMilliseconds(post.CreatedAt))
                .Text(4, post.ReplyToId).Text(5, PayloadSerializer.Write(post, StoreJsonContext.Default.Post)).Run();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteMentions(RowStatement statement, IReadOnlyList<Mention> mentions)
    {
        foreach (var mention in mentions)
        {
            // The insight columns are written with the row, so the aggregates read them from the covering index.
            statement.Text(0, mention.Id).Text(1, mention.Watch.Name).Text(2, mention.Post.Id).Text(3, mention.Post.Author.IdentityKey)
                .Integer(4, UnixTime.ToMilliseconds(mention.Post.CreatedAt)).Text(5, mention.Watch.Category.ToString())
                .Text(6, mention.Signals?.Sentiment.Label.ToString()).Real(7, mention.Signals?.Sentiment.Compound)
                .Text(8, PayloadSerializer.Write(StoredMention.From(mention), StoreJsonContext.Default.StoredMention)).Run();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteInteractions(RowStatement statement, IReadOnlyList<Interaction> interactions)
    {
        foreach (var interaction in interactions)
        {
            var fingerprint = InteractionFingerprint.Of(interaction.Id);
            statement.Text(0, interaction.Id).Text(1, interaction.PersonId).Text(2, interaction.PostId).Integer(3, (int)interaction.Direction)
                .Integer(4, UnixTime.ToMilliseconds(interaction.OccurredAt)).Text(5, PayloadSerializer.Write(interaction, StoreJsonContext.Default.Interaction))
                .Integer(6, (uint)fingerprint).Integer(7, (long)(fingerprint >> 32)).Run();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteRetractions(SqliteCommand command, IReadOnlyList<string> retractions, long now)
    {
        foreach (var postId in retractions)
        {
            command.Run(postId, now);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteSkipped(SqliteCommand command, IReadOnlyList<SkippedItem> skipped, long now)
    {
        foreach (var item in skipped)
        {
            command.Run(
                item.SourceName,
                item.Position,
                StoreDiagnostics.Cut(item.Reason, StoreDiagnostics.MaxReasonLength),
                StoreDiagnostics.CutOrNull(item.Excerpt, StoreDiagnostics.MaxExcerptLength),
                now);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WriteAlerts(RowStatement statement, IReadOnlyList<Alert> alerts, SettledKeyHasher settledKeys, long now, List<Alert>? enqueued)
    {
        var count = 0;
        foreach (var alert in alerts)
        {
            var added = statement.Text(0, alert.IdempotencyKey).Text(1, alert.Kind).Text(2, alert.Mention?.Post.Id).Text(3, AlertSubject.PersonOf(alert))
                .Text(4, PayloadSerializer.Write(alert, StoreJsonContext.Default.Alert)).Integer(5, now).Text(6, settledKeys.Hash(alert.IdempotencyKey)).Run();
            if (added > 0)
            {
                count += added;
                enqueued?.Add(alert);
            }
        }

        return count;
    }
}
