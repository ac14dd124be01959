using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IPersonDataEraser"/> side of the store.</summary>
public sealed partial class PostgreSqlMonitroStore
{
    // The posts to delete: the person's own (tombstones included), and the company's replies kept only
    // because of a conversation with this person (no other person's interaction points at them).
    private static readonly string[] CollectPostsToForget =
    [
        """
        INSERT INTO forget_posts
            SELECT id FROM posts
            WHERE author_id = $1 OR author_id IN (SELECT identity_key FROM identities WHERE person_id = $1)
            ON CONFLICT DO NOTHING
        """,
        """
        INSERT INTO forget_posts
            SELECT i.post_id FROM interactions i
            WHERE i.person_id = $1 AND i.direction = 1
              AND NOT EXISTS (SELECT 1 FROM interactions o WHERE o.post_id = i.post_id AND o.person_id <> $1)
            ON CONFLICT DO NOTHING
        """,
    ];

    /// <inheritdoc/>
    /// <remarks>
    /// <para>One transaction deletes the rows of every table that can hold the person's data, the replies to them in the
    /// reply outbox included (published or not: a queued reply is not published afterwards). What is kept: the
    /// keyed hashes of settled alert keys (they name nobody, and a replayed batch must not alert again), and
    /// unreadable source items (raw excerpts that cannot be tied to a person; purge them by age).</para>
    /// <para>PostgreSQL keeps the bytes of deleted rows in the table, index and statistics files even after a plain
    /// <c>VACUUM</c>, and in its write-ahead log until the segments are removed or overwritten; docs/postgresql.md says
    /// what an operator runs afterwards (<c>VACUUM (FULL, ANALYZE)</c> of the store's tables, then a WAL switch and a
    /// checkpoint) and what stays out of the store's reach (archives, replicas, backups).</para>
    /// <para>A person who posts again afterwards is stored again: forgetting removes data, it does not block a source.</para>
    /// </remarks>
    public async ValueTask<PersonErasure> ForgetPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        var erasure = await WriteAsync((connection, _) => ForgetAsync(connection, personId), cancellationToken).ConfigureAwait(false);
        _logger.PersonForgotten(erasure.Total);
        return erasure;
    }

    private static async ValueTask<PersonErasure> ForgetAsync(NpgsqlConnection connection, string personId)
    {
        async ValueTask<int> RunAsync(string sql, bool withPerson = true)
        {
            using var command = withPerson ? connection.Command(sql, SqlParameters.Text(personId)) : connection.Command(sql);
            return await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }

        // The posts to delete, gathered once in a table that lives until the transaction ends.
        await RunAsync("""CREATE TEMP TABLE forget_posts (id text COLLATE "C" NOT NULL PRIMARY KEY) ON COMMIT DROP""", withPerson: false)
            .ConfigureAwait(false);
        foreach (var sql in CollectPostsToForget)
        {
            await RunAsync(sql).ConfigureAwait(false);
        }

        var mentions = await RunAsync("DELETE FROM mentions WHERE person_id = $1 OR post_id IN (SELECT id FROM forget_posts)").ConfigureAwait(false);
        var interactions = await RunAsync("DELETE FROM interactions WHERE person_id = $1 OR post_id IN (SELECT id FROM forget_posts)").ConfigureAwait(false);
        var pendingAlerts = await RunAsync("DELETE FROM alert_outbox WHERE person_id = $1 OR post_id IN (SELECT id FROM forget_posts)").ConfigureAwait(false);
        var deadLetters = await RunAsync("DELETE FROM dead_letters WHERE person_id = $1").ConfigureAwait(false);
        var posts = await RunAsync("DELETE FROM posts WHERE id IN (SELECT id FROM forget_posts)", withPerson: false).ConfigureAwait(false);
        var snapshots = await RunAsync("DELETE FROM relationship_snapshots WHERE person_id = $1").ConfigureAwait(false);
        await RunAsync("""
            DELETE FROM replies
            WHERE in_reply_to_post_id IN (SELECT id FROM forget_posts)
               OR item_id IN (SELECT id FROM inbox_items WHERE person_id = $1 OR id IN (SELECT id FROM forget_posts)
                              OR person_id IN (SELECT identity_key FROM identities WHERE person_id = $1))
            """).ConfigureAwait(false);
        await RunAsync("DELETE FROM inbox_items WHERE person_id = $1 OR id IN (SELECT id FROM forget_posts) OR person_id IN (SELECT identity_key FROM identities WHERE person_id = $1)").ConfigureAwait(false);
        await ForgetAlertStateAsync(connection, personId).ConfigureAwait(false);
        var identities = await RunAsync("DELETE FROM identities WHERE person_id = $1 OR identity_key = $1").ConfigureAwait(false);
        await RunAsync("DELETE FROM people WHERE id = $1").ConfigureAwait(false);
        return new PersonErasure(personId, identities, posts, mentions, interactions, snapshots, pendingAlerts, deadLetters);
    }
}
