using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IPersonDataEraser"/> side of the store.</summary>
public sealed partial class SqliteMonitroStore
{
    // The posts to delete: the person's own (tombstones included), and the company's replies kept only
    // because of a conversation with this person (no other person's interaction points at them).
    private const string CollectPostsToForget = """
        CREATE TEMP TABLE IF NOT EXISTS forget_posts (id TEXT NOT NULL PRIMARY KEY);
        DELETE FROM temp.forget_posts;
        INSERT OR IGNORE INTO temp.forget_posts
            SELECT id FROM posts
            WHERE author_id = $person_id OR author_id IN (SELECT identity_key FROM identities WHERE person_id = $person_id);
        INSERT OR IGNORE INTO temp.forget_posts
            SELECT i.post_id FROM interactions i
            WHERE i.person_id = $person_id AND i.direction = 1
              AND NOT EXISTS (SELECT 1 FROM interactions o WHERE o.post_id = i.post_id AND o.person_id <> $person_id);
        """;

    /// <inheritdoc/>
    /// <remarks>
    /// <para>One transaction deletes the rows of every table that can hold the person's data, the replies to them in the
    /// reply outbox included (published or not: a queued reply is not published afterwards). What is kept: the
    /// keyed hashes of settled alert keys (they name nobody, and a replayed batch must not alert again), and
    /// unreadable source items (raw excerpts that cannot be tied to a person; purge them by age).</para>
    /// <para>Every connection runs with <c>secure_delete</c>, so the deleted rows are zeroed in the file, and the
    /// write-ahead log, which still holds earlier copies of the pages, is checkpointed and truncated afterwards.</para>
    /// <para>A person who posts again afterwards is stored again: forgetting removes data, it does not block a source.</para>
    /// </remarks>
    public async ValueTask<PersonErasure> ForgetPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        var erasure = await WriteAsync((connection, transaction, _) => Forget(connection, transaction, personId), cancellationToken)
            .ConfigureAwait(false);
        _logger.PersonForgotten(erasure.Total);
        await TruncateWriteAheadLogAsync().ConfigureAwait(false);
        return erasure;
    }

    // Not cancellable: the erasure is committed, and the log must not keep its old pages because a caller gave up.
    private async ValueTask TruncateWriteAheadLogAsync()
    {
        await _writeGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var connection = await OpenRawAsync(CancellationToken.None).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand(null, "PRAGMA wal_checkpoint(TRUNCATE);");
                using var reader = command.ExecuteReader();
                if (reader.Read() && reader.GetInt64(0) != 0)
                {
                    _logger.WriteAheadLogNotTruncated();
                }
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static PersonErasure Forget(SqliteConnection connection, SqliteTransaction transaction, string personId)
    {
        int Delete(string sql)
        {
            using var command = connection.CreateCommand(transaction, sql, "$person_id");
            return command.Run(personId);
        }

        Delete(CollectPostsToForget);
        var mentions = Delete("DELETE FROM mentions WHERE person_id = $person_id OR post_id IN (SELECT id FROM temp.forget_posts);");
        var interactions = Delete("DELETE FROM interactions WHERE person_id = $person_id OR post_id IN (SELECT id FROM temp.forget_posts);");
        var pendingAlerts = Delete("""
            DELETE FROM alert_outbox
            WHERE person_id = $person_id OR post_id IN (SELECT id FROM temp.forget_posts)
               OR person_id IN (SELECT identity_key FROM identities WHERE person_id = $person_id);
            """);
        var deadLetters = Delete("""
            DELETE FROM dead_letters
            WHERE person_id = $person_id OR person_id IN (SELECT identity_key FROM identities WHERE person_id = $person_id);
            """);
        var posts = Delete("DELETE FROM posts WHERE id IN (SELECT id FROM temp.forget_posts);");
        var snapshots = Delete("DELETE FROM relationship_snapshots WHERE person_id = $person_id;");
        Delete("""
            DELETE FROM replies
            WHERE in_reply_to_post_id IN (SELECT id FROM temp.forget_posts)
               OR item_id IN (SELECT id FROM inbox_items WHERE person_id = $person_id OR id IN (SELECT id FROM temp.forget_posts)
                              OR person_id IN (SELECT identity_key FROM identities WHERE person_id = $person_id));
            """);
        Delete("DELETE FROM inbox_items WHERE person_id = $person_id OR id IN (SELECT id FROM temp.forget_posts) OR person_id IN (SELECT identity_key FROM identities WHERE person_id = $person_id);");
        ForgetAlertStateOf(connection, transaction, personId);
        var identities = Delete("DELETE FROM identities WHERE person_id = $person_id OR identity_key = $person_id;");
        Delete("DELETE FROM people WHERE id = $person_id;");
        Delete("DELETE FROM temp.forget_posts;");
        return new PersonErasure(personId, identities, posts, mentions, interactions, snapshots, pendingAlerts, deadLetters);
    }
}
