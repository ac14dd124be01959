using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>
/// Writes a validated <see cref="BatchCommit"/> inside the caller's transaction as one round trip of statements,
/// every row an upsert keyed by its natural id (the same rules as the SQLite store).
/// </summary>
/// <remarks>
/// Retractions are applied after the posts of the same batch, so a post and its retraction in one batch leave a
/// tombstone. A retracted post keeps a tombstone row (no payload) so that a replayed batch cannot bring it back.
/// </remarks>
internal static class PostgreSqlBatchWriter
{
    private const string UpsertPerson = """
        INSERT INTO people (id, first_seen_at, last_seen_at) VALUES ($1, $2, $2)
        ON CONFLICT (id) DO UPDATE SET
            first_seen_at = LEAST(people.first_seen_at, excluded.first_seen_at),
            last_seen_at = GREATEST(people.last_seen_at, excluded.last_seen_at)
        """;

    // The identity keeps the details of the newest post seen, so a replay of an old post does not roll them back.
    private const string UpsertIdentity = """
        INSERT INTO identities (identity_key, person_id, platform, handle, display_name, profile_url, followers, seen_at)
        VALUES ($1, $1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (identity_key) DO UPDATE SET
            platform = excluded.platform, handle = excluded.handle, display_name = excluded.display_name,
            profile_url = excluded.profile_url, followers = excluded.followers, seen_at = excluded.seen_at
        WHERE excluded.seen_at >= identities.seen_at
        """;

    private const string UpsertPost = """
        INSERT INTO posts (id, source, author_id, created_at, reply_to_id, payload)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (id) DO UPDATE SET
            source = excluded.source, author_id = excluded.author_id, created_at = excluded.created_at,
            reply_to_id = excluded.reply_to_id, payload = excluded.payload
        WHERE posts.retracted_at IS NULL
        """;

    private const string UpsertMention = """
        INSERT INTO mentions (id, watch_name, post_id, person_id, created_at, payload)
        SELECT $1, $2, $3, $4, $5, $6
        WHERE NOT EXISTS (SELECT 1 FROM posts WHERE id = $3 AND retracted_at IS NOT NULL)
        ON CONFLICT (id) DO UPDATE SET
            watch_name = excluded.watch_name, post_id = excluded.post_id, person_id = excluded.person_id,
            created_at = excluded.created_at, payload = excluded.payload
        """;

    // The fingerprint depends on the id alone, so an update of the same id keeps it.
    private const string UpsertInteraction = """
        INSERT INTO interactions (id, person_id, post_id, direction, occurred_at, payload, fingerprint)
        SELECT $1, $2, $3, $4, $5, $6, $7
        WHERE NOT EXISTS (SELECT 1 FROM posts WHERE id = $3 AND retracted_at IS NOT NULL)
        ON CONFLICT (id) DO UPDATE SET
            person_id = excluded.person_id, post_id = excluded.post_id, direction = excluded.direction,
            occurred_at = excluded.occurred_at, payload = excluded.payload
        """;

    private const string RetractPost = "UPDATE posts SET retracted_at = $2, payload = NULL WHERE id = $1 AND retracted_at IS NULL";

    private static readonly string[] DeleteRetracted =
    [
        "DELETE FROM mentions WHERE post_id = $1",
        "DELETE FROM interactions WHERE post_id = $1",
        "DELETE FROM alert_outbox WHERE post_id = $1",
    ];

    private const string UpsertSkipped = """
        INSERT INTO dead_letters (kind, origin, position, reason, excerpt, recorded_at)
        VALUES ('source-item', $1, $2, $3, $4, $5)
        ON CONFLICT (kind, origin, position) DO UPDATE SET
            reason = excluded.reason, excerpt = excluded.excerpt, recorded_at = excluded.recorded_at
        """;

    // A settled key (delivered or dead) is never enqueued again, nor an alert about a retracted post.
    private const string EnqueueAlert = """
        INSERT INTO alert_outbox (idempotency_key, kind, post_id, person_id, payload, attempts, enqueued_at, next_attempt_at)
        SELECT $1, $2, $3, $4, $5, 0, $6, $6
        WHERE NOT EXISTS (SELECT 1 FROM settled_alerts WHERE key_hash = $7)
          AND NOT EXISTS (SELECT 1 FROM posts WHERE id = $3 AND retracted_at IS NOT NULL)
        ON CONFLICT (idempotency_key) DO NOTHING
        """;

    // A dispatcher of another process may settle a key while this batch is enqueuing it: the insert then waits
    // for that transaction and succeeds after it deleted the row. This statement sees the settlement (each
    // statement reads the latest commits) and takes the entry back out, so a settled key never stays enqueued.
    private const string DropSettledAlerts = """
        DELETE FROM alert_outbox o USING unnest($1::text[], $2::text[]) AS k(idempotency_key, key_hash), settled_alerts s
        WHERE o.idempotency_key = k.idempotency_key AND s.key_hash = k.key_hash
        """;

    private const string UpsertCheckpoint = """
        INSERT INTO checkpoints (source_name, value, updated_at) VALUES ($1, $2, $3)
        ON CONFLICT (source_name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        """;

    /// <summary>Writes the commit.</summary>
    /// <returns>The number of alerts newly enqueued.</returns>
    public static async ValueTask<int> WriteAsync(NpgsqlConnection connection, BatchCommit commit, SettledKeyHasher settledKeys, long now)
    {
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            var posts = CommitPosts.Collect(commit);
            AddPeople(batch, posts, commit.Interactions);
            AddPosts(batch, posts);
            AddMentions(batch, commit.Mentions);
            AddInteractions(batch, commit.Interactions);
            AddRetractions(batch, commit.Retractions, now);
            AddSkipped(batch, commit.Skipped, now);
            var alerts = AddAlerts(batch, commit.Alerts, settledKeys, now);
            PostgreSqlMonitroStore.AddAlertState(batch, commit.AlertState);
            if (commit.Checkpoint is { } checkpoint)
            {
                batch.Add(UpsertCheckpoint, SqlParameters.Text(checkpoint.SourceName), SqlParameters.Text(checkpoint.Value), SqlParameters.Long(now));
            }

            if (batch.BatchCommands.Count == 0)
            {
                return 0;
            }

            // Not cancellable once sent: the transaction commits or rolls back whole.
            await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            await PostgreSqlMonitroStore.WriteInboxAsync(connection, commit, settledKeys, now).ConfigureAwait(false);
            return alerts.Sum(command => command.RecordsAffected);
        }
    }

    private static void AddPeople(NpgsqlBatch batch, List<Post> posts, IReadOnlyList<Interaction> interactions)
    {
        var newest = new Dictionary<string, Post>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            var key = post.Author.IdentityKey;
            if (!newest.TryGetValue(key, out var seen) || post.CreatedAt > seen.CreatedAt)
            {
                newest[key] = post;
            }
        }

        foreach (var (key, post) in newest)
        {
            var seen = UnixTime.ToMilliseconds(post.CreatedAt);
            var author = post.Author;
            batch.Add(UpsertPerson, SqlParameters.Text(key), SqlParameters.Long(seen));
            batch.Add(
                UpsertIdentity,
                SqlParameters.Text(key),
                SqlParameters.Text(author.Platform),
                SqlParameters.Text(author.Handle),
                SqlParameters.Text(author.DisplayName),
                SqlParameters.Text(author.ProfileUrl?.OriginalString),
                SqlParameters.Long(author.Followers),
                SqlParameters.Long(seen));
        }

        foreach (var interaction in interactions)
        {
            batch.Add(UpsertPerson, SqlParameters.Text(interaction.PersonId), SqlParameters.Long(UnixTime.ToMilliseconds(interaction.OccurredAt)));
        }
    }

    private static void AddPosts(NpgsqlBatch batch, List<Post> posts)
    {
        foreach (var post in posts)
        {
            batch.Add(
                UpsertPost,
                SqlParameters.Text(post.Id),
                SqlParameters.Text(post.Source),
                SqlParameters.Text(post.Author.IdentityKey),
                SqlParameters.Long(UnixTime.ToMilliseconds(post.CreatedAt)),
                SqlParameters.Text(post.ReplyToId),
                SqlParameters.Json(PayloadSerializer.Write(post, StoreJsonContext.Default.Post)));
        }
    }

    private static void AddMentions(NpgsqlBatch batch, IReadOnlyList<Mention> mentions)
    {
        foreach (var mention in mentions)
        {
            batch.Add(
                UpsertMention,
                SqlParameters.Text(mention.Id),
                SqlParameters.Text(mention.Watch.Name),
                SqlParameters.Text(mention.Post.Id),
                SqlParameters.Text(mention.Post.Author.IdentityKey),
                SqlParameters.Long(UnixTime.ToMilliseconds(mention.Post.CreatedAt)),
                SqlParameters.Json(PayloadSerializer.Write(StoredMention.From(mention), StoreJsonContext.Default.StoredMention)));
        }
    }

    internal static void AddInteractions(NpgsqlBatch batch, IReadOnlyList<Interaction> interactions)
    {
        foreach (var interaction in interactions)
        {
            batch.Add(
                UpsertInteraction,
                SqlParameters.Text(interaction.Id),
                SqlParameters.Text(interaction.PersonId),
                SqlParameters.Text(interaction.PostId),
                SqlParameters.Int((int)interaction.Direction),
                SqlParameters.Long(UnixTime.ToMilliseconds(interaction.OccurredAt)),
                SqlParameters.Json(PayloadSerializer.Write(interaction, StoreJsonContext.Default.Interaction)),
                SqlParameters.Long(unchecked((long)InteractionFingerprint.Of(interaction.Id))));
        }
    }

    private static void AddRetractions(NpgsqlBatch batch, IReadOnlyList<string> retractions, long now)
    {
        foreach (var postId in retractions)
        {
            batch.Add(RetractPost, SqlParameters.Text(postId), SqlParameters.Long(now));
            foreach (var sql in DeleteRetracted)
            {
                batch.Add(sql, SqlParameters.Text(postId));
            }
        }
    }

    private static void AddSkipped(NpgsqlBatch batch, IReadOnlyList<SkippedItem> skipped, long now)
    {
        foreach (var item in skipped)
        {
            batch.Add(
                UpsertSkipped,
                SqlParameters.Text(item.SourceName),
                SqlParameters.Text(item.Position),
                SqlParameters.Text(StoreDiagnostics.Cut(item.Reason, StoreDiagnostics.MaxReasonLength)),
                SqlParameters.Text(StoreDiagnostics.CutOrNull(item.Excerpt, StoreDiagnostics.MaxExcerptLength)),
                SqlParameters.Long(now));
        }
    }

    internal static List<NpgsqlBatchCommand> AddAlerts(NpgsqlBatch batch, IReadOnlyList<Alert> alerts, SettledKeyHasher settledKeys, long now)
    {
        var commands = new List<NpgsqlBatchCommand>(alerts.Count);
        var keys = new string[alerts.Count];
        var hashes = new string[alerts.Count];
        for (var i = 0; i < alerts.Count; i++)
        {
            var alert = alerts[i];
            keys[i] = alert.IdempotencyKey;
            hashes[i] = settledKeys.Hash(alert.IdempotencyKey);
            commands.Add(batch.Add(
                EnqueueAlert,
                SqlParameters.Text(alert.IdempotencyKey),
                SqlParameters.Text(alert.Kind),
                SqlParameters.Text(alert.Mention?.Post.Id),
                SqlParameters.Text(AlertSubject.PersonOf(alert)),
                SqlParameters.Json(PayloadSerializer.Write(alert, StoreJsonContext.Default.Alert)),
                SqlParameters.Long(now),
                SqlParameters.Text(hashes[i])));
        }

        if (alerts.Count > 0)
        {
            batch.Add(DropSettledAlerts, SqlParameters.TextArray(keys), SqlParameters.TextArray(hashes));
        }

        return commands;
    }
}
