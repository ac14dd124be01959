using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>Writes a validated <see cref="BatchCommit"/> inside the caller's transaction, every row as an upsert keyed by its natural id.</summary>
/// <remarks>
/// Retractions are applied after the posts of the same batch, so a post and its retraction in one batch leave a
/// tombstone. A retracted post keeps a tombstone row (no payload) so that a replayed batch cannot bring it back.
/// </remarks>
internal static class BatchCommitWriter
{
    private const string UpsertPerson = """
        INSERT INTO people (id, first_seen_at, last_seen_at) VALUES ($id, $seen, $seen)
        ON CONFLICT (id) DO UPDATE SET
            first_seen_at = min(people.first_seen_at, excluded.first_seen_at),
            last_seen_at = max(people.last_seen_at, excluded.last_seen_at);
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

    private static readonly string[] InteractionParameters =
        ["$id", "$person_id", "$post_id", "$direction", "$occurred_at", "$payload", "$fingerprint_lo", "$fingerprint_hi"];

    private static readonly string[] AlertParameters = ["$key", "$kind", "$post_id", "$person_id", "$payload", "$now", "$key_hash"];

    /// <summary>Writes the commit with the writer's prepared commands.</summary>
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
        var connection = writer.Connection;
        var posts = CommitPosts.Collect(commit);
        WritePeople(writer, transaction, posts, commit.Interactions);
        WritePosts(writer.Command(transaction, UpsertPost, "$id", "$source", "$author_id", "$created_at", "$reply_to_id", "$payload"), posts);
        WriteMentions(writer, transaction, commit.Mentions);
        if (commit.Interactions.Count > 0)
        {
            WriteInteractions(InteractionCommand(writer, transaction), commit.Interactions);
        }

        if (commit.Retractions.Count > 0)
        {
            WriteRetractions(connection, transaction, commit.Retractions, now);
        }

        if (commit.Skipped.Count > 0)
        {
            WriteSkipped(connection, transaction, commit.Skipped, now);
        }

        var count = commit.Alerts.Count == 0 ? 0 : WriteAlerts(AlertCommand(writer, transaction), commit.Alerts, settledKeys, now, enqueued);
        SqliteMonitroStore.WriteInbox(connection, transaction, commit, settledKeys, now);
        SqliteMonitroStore.WriteAlertState(connection, transaction, commit.AlertState);
        if (commit.Checkpoint is { } checkpoint)
        {
            writer.Command(transaction, UpsertCheckpoint, "$source_name", "$value", "$now").Run(checkpoint.SourceName, checkpoint.Value, now);
        }

        return count;
    }

    /// <summary>Writes interactions inside the caller's transaction.</summary>
    internal static void WriteInteractions(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Interaction> interactions)
    {
        using var command = connection.CreateCommand(transaction, UpsertInteraction, InteractionParameters);
        WriteInteractions(command, interactions);
    }

    /// <summary>Enqueues alerts inside the caller's transaction, unless their key is settled or their post retracted.</summary>
    /// <returns>The number of alerts newly enqueued.</returns>
    internal static int WriteAlerts(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Alert> alerts, SettledKeyHasher settledKeys, long now)
    {
        using var command = connection.CreateCommand(transaction, EnqueueAlert, AlertParameters);
        return WriteAlerts(command, alerts, settledKeys, now, enqueued: null);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static SqliteCommand InteractionCommand(SqliteWriter writer, SqliteTransaction transaction) =>
        writer.Command(transaction, UpsertInteraction, InteractionParameters);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static SqliteCommand AlertCommand(SqliteWriter writer, SqliteTransaction transaction) =>
        writer.Command(transaction, EnqueueAlert, AlertParameters);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WritePeople(SqliteWriter writer, SqliteTransaction transaction, List<Post> posts, IReadOnlyList<Interaction> interactions)
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

        var person = writer.Command(transaction, UpsertPerson, "$id", "$seen");
        var identity = writer.Command(
            transaction, UpsertIdentity, "$key", "$platform", "$handle", "$display_name", "$profile_url", "$followers", "$seen");
        foreach (var (key, post) in newest)
        {
            var seen = UnixTime.ToMilliseconds(post.CreatedAt);
            var author = post.Author;
            person.Run(key, seen);
            identity.Run(key, author.Platform, author.Handle, author.DisplayName, author.ProfileUrl?.OriginalString, author.Followers, seen);
        }

        foreach (var interaction in interactions)
        {
            person.Run(interaction.PersonId, UnixTime.ToMilliseconds(interaction.OccurredAt));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WritePosts(SqliteCommand command, List<Post> posts)
    {
        foreach (var post in posts)
        {
            command.Run(
                post.Id,
                post.Source,
                post.Author.IdentityKey,
                UnixTime.ToMilliseconds(post.CreatedAt),
                post.ReplyToId,
                PayloadSerializer.Write(post, StoreJsonContext.Default.Post));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteMentions(SqliteWriter writer, SqliteTransaction transaction, IReadOnlyList<Mention> mentions)
    {
        if (mentions.Count == 0)
        {
            return;
        }

        var command = writer.Command(
            transaction, UpsertMention, "$id", "$watch_name", "$post_id", "$person_id", "$created_at", "$category", "$sentiment_label", "$sentiment", "$payload");
        foreach (var mention in mentions)
        {
            // The insight columns are written with the row, so the aggregates read them from the covering index.
            command.Run(
                mention.Id,
                mention.Watch.Name,
                mention.Post.Id,
                mention.Post.Author.IdentityKey,
                UnixTime.ToMilliseconds(mention.Post.CreatedAt),
                mention.Watch.Category.ToString(),
                mention.Signals?.Sentiment.Label.ToString(),
                mention.Signals?.Sentiment.Compound,
                PayloadSerializer.Write(StoredMention.From(mention), StoreJsonContext.Default.StoredMention));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteInteractions(SqliteCommand command, IReadOnlyList<Interaction> interactions)
    {
        foreach (var interaction in interactions)
        {
            var fingerprint = InteractionFingerprint.Of(interaction.Id);
            command.Run(
                interaction.Id,
                interaction.PersonId,
                interaction.PostId,
                (int)interaction.Direction,
                UnixTime.ToMilliseconds(interaction.OccurredAt),
                PayloadSerializer.Write(interaction, StoreJsonContext.Default.Interaction),
                (long)(uint)fingerprint,
                (long)(fingerprint >> 32));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteRetractions(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> retractions, long now)
    {
        using var command = connection.CreateCommand(transaction, Retract, "$id", "$now");
        foreach (var postId in retractions)
        {
            command.Run(postId, now);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteSkipped(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SkippedItem> skipped, long now)
    {
        using var command = connection.CreateCommand(transaction, UpsertSkipped, "$origin", "$position", "$reason", "$excerpt", "$now");
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
    private static int WriteAlerts(SqliteCommand command, IReadOnlyList<Alert> alerts, SettledKeyHasher settledKeys, long now, List<Alert>? enqueued)
    {
        var count = 0;
        foreach (var alert in alerts)
        {
            var added = command.Run(
                alert.IdempotencyKey,
                alert.Kind,
                alert.Mention?.Post.Id,
                AlertSubject.PersonOf(alert),
                PayloadSerializer.Write(alert, StoreJsonContext.Default.Alert),
                now,
                settledKeys.Hash(alert.IdempotencyKey));
            if (added > 0)
            {
                count += added;
                enqueued?.Add(alert);
            }
        }

        return count;
    }
}
