using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IReplyOutbox"/> side of the store: our replies, committed before they are published.</summary>
/// <remarks>The reply is kept whole in the payload; the columns beside it are what the claims and lists filter and order on.</remarks>
public sealed partial class PostgreSqlMonitroStore : IReplyOutbox
{
    private const string InsertReply = """
        INSERT INTO replies (id, state, item_id, in_reply_to_post_id, next_attempt_at, lease_until, created_at, version, payload)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (id) DO NOTHING
        """;

    private const string SelectReply = "SELECT payload::text FROM replies WHERE id = $1";

    // Locks the row, so a save and a claim of one reply take turns.
    private const string SelectReplyForUpdate = "SELECT payload::text FROM replies WHERE id = $1 FOR UPDATE";

    private const string SelectRepliesInState = "SELECT id, payload::text FROM replies WHERE state = $1 ORDER BY created_at, id LIMIT $2";

    // SKIP LOCKED: two processes claiming at once take different replies instead of waiting for each other.
    private const string SelectDueReplies = """
        SELECT id, payload::text FROM replies
        WHERE state = $1 AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until <= $2)
        ORDER BY next_attempt_at, id
        LIMIT $3
        FOR UPDATE SKIP LOCKED
        """;

    // The interactions of the post a reply answers, on the post_id index.
    private const string SelectInteractionsOfPost = "SELECT id, payload::text FROM interactions WHERE post_id = $1";

    // Written only over the version the change was made from.
    private const string UpdateReply = """
        UPDATE replies SET state = $2, next_attempt_at = $3, lease_until = $4, version = $5, payload = $6
        WHERE id = $1 AND version = $5 - 1
        """;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The reply has no id, or a version other than 1.</exception>
    public ValueTask<Reply> AddReplyAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        ReplyChanges.CheckNew(reply);
        return WriteAsync(
            async (connection, _) =>
            {
                using (var insert = connection.Command(
                    InsertReply,
                    SqlParameters.Text(reply.Id),
                    SqlParameters.Int((int)reply.State),
                    SqlParameters.Text(reply.ItemId),
                    SqlParameters.Text(reply.InReplyToPostId),
                    SqlParameters.Long(UnixTime.ToMilliseconds(reply.NextAttemptAt)),
                    SqlParameters.Long(reply.LeaseUntil is { } lease ? UnixTime.ToMilliseconds(lease) : null),
                    SqlParameters.Long(UnixTime.ToMilliseconds(reply.CreatedAt)),
                    SqlParameters.Int(reply.Version),
                    SqlParameters.Json(PayloadSerializer.Write(reply, StoreJsonContext.Default.Reply))))
                {
                    await insert.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                }

                return (await ReadReplyAsync(connection, SelectReply, reply.Id).ConfigureAwait(false))!;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<Reply?> GetReplyAsync(string replyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadReplyAsync(connection, SelectReply, replyId).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Reply>> ListRepliesAsync(ReplyState state, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.Command(SelectRepliesInState, SqlParameters.Int((int)state), SqlParameters.Int(maxCount));
            return await ReadRepliesAsync(command).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> or <paramref name="leaseDuration"/> is zero or negative.</exception>
    public ValueTask<IReadOnlyList<Reply>> ClaimDueRepliesAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ReplyChanges.CheckClaim(maxCount, leaseDuration);
        return WriteAsync<IReadOnlyList<Reply>>(
            async (connection, now) =>
            {
                List<Reply> due;
                using (var select = connection.Command(SelectDueReplies, SqlParameters.Int((int)ReplyState.Queued), SqlParameters.Long(now), SqlParameters.Int(maxCount)))
                {
                    due = await ReadRepliesAsync(select).ConfigureAwait(false);
                }

                var at = UnixTime.FromMilliseconds(now);
                var claimed = due.ConvertAll(reply => ReplyChanges.Claim(reply, at, leaseDuration));
                foreach (var reply in claimed)
                {
                    await WriteReplyAsync(connection, reply).ConfigureAwait(false);
                }

                return claimed;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> SaveReplyAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return WriteAsync(
            async (connection, now) =>
            {
                var stored = await ReadReplyAsync(connection, SelectReplyForUpdate, reply.Id).ConfigureAwait(false) ?? throw ReplyChanges.Unknown(reply.Id);
                if (!await WriteReplyAsync(connection, reply).ConfigureAwait(false))
                {
                    return false;
                }

                if (ReplyChanges.Publishes(stored, reply))
                {
                    await LinkPublishedAsync(connection, reply, SettledKeys, now).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);
    }

    // Our new post becomes an outbound interaction of the person it answers: the item's, or else the answered post's author.
    private static async ValueTask LinkPublishedAsync(NpgsqlConnection connection, Reply published, SettledKeyHasher settledKeys, long now)
    {
        if (published.ItemId is { } itemId && await ReadItemAsync(connection, SelectInboxItemForUpdate, itemId, CancellationToken.None).ConfigureAwait(false) is { } item)
        {
            await WriteInteractionAsync(connection, ReplyChanges.Outbound(published, item)).ConfigureAwait(false);
            if (ReplyChanges.Answer(item, published, UnixTime.FromMilliseconds(now)) is { } change)
            {
                await SaveItemAsync(connection, change, settledKeys, now).ConfigureAwait(false);
            }
        }
        else if (ReplyChanges.AnsweredInteraction(await ReadInteractionsOfPostAsync(connection, published.InReplyToPostId).ConfigureAwait(false)) is { } answered)
        {
            var outbound = ReplyChanges.Outbound(published, answered);
            await WriteInteractionAsync(connection, outbound).ConfigureAwait(false);
            await ResolveAnsweredAsync(connection, outbound, settledKeys, now).ConfigureAwait(false);
        }
    }

    private static async ValueTask WriteInteractionAsync(NpgsqlConnection connection, Interaction interaction)
    {
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            PostgreSqlBatchWriter.AddInteractions(batch, [interaction]);
            await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async ValueTask<List<Interaction>> ReadInteractionsOfPostAsync(NpgsqlConnection connection, string postId)
    {
        var interactions = new List<Interaction>();
        using var command = connection.Command(SelectInteractionsOfPost, SqlParameters.Text(postId));
        var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                interactions.Add(PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Interaction, "interactions", reader.GetString(0)));
            }
        }

        return interactions;
    }

    private static async ValueTask<bool> WriteReplyAsync(NpgsqlConnection connection, Reply reply)
    {
        using var update = connection.Command(
            UpdateReply,
            SqlParameters.Text(reply.Id),
            SqlParameters.Int((int)reply.State),
            SqlParameters.Long(UnixTime.ToMilliseconds(reply.NextAttemptAt)),
            SqlParameters.Long(reply.LeaseUntil is { } lease ? UnixTime.ToMilliseconds(lease) : null),
            SqlParameters.Int(reply.Version),
            SqlParameters.Json(PayloadSerializer.Write(reply, StoreJsonContext.Default.Reply)));
        return await update.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false) > 0;
    }

    private static async ValueTask<Reply?> ReadReplyAsync(NpgsqlConnection connection, string sql, string replyId)
    {
        using var command = connection.Command(sql, SqlParameters.Text(replyId));
        return await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is string payload
            ? PayloadSerializer.Read(payload, StoreJsonContext.Default.Reply, "replies", replyId)
            : null;
    }

    private static async ValueTask<List<Reply>> ReadRepliesAsync(NpgsqlCommand command)
    {
        var replies = new List<Reply>();
        var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                replies.Add(PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Reply, "replies", reader.GetString(0)));
            }
        }

        return replies;
    }
}
