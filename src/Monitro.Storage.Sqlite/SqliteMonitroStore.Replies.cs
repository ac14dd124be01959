using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IReplyOutbox"/> side of the store: our replies, committed before they are published.</summary>
/// <remarks>The reply is kept whole in the payload; the columns beside it are what the claims and lists filter and order on.</remarks>
public sealed partial class SqliteMonitroStore : IReplyOutbox
{
    private const string InsertReply = """
        INSERT INTO replies (id, state, item_id, in_reply_to_post_id, next_attempt_at, lease_until, created_at, version, payload)
        VALUES ($id, $state, $item_id, $in_reply_to_post_id, $next_attempt_at, $lease_until, $created_at, $version, $payload)
        ON CONFLICT (id) DO NOTHING;
        """;

    private const string SelectReply = "SELECT payload FROM replies WHERE id = $id;";

    private const string SelectRepliesInState = """
        SELECT id, payload FROM replies WHERE state = $state ORDER BY created_at, id LIMIT $limit;
        """;

    private const string SelectDueReplies = """
        SELECT id, payload FROM replies
        WHERE state = $state AND next_attempt_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
        ORDER BY next_attempt_at, id
        LIMIT $limit;
        """;

    // Written only over the version the change was made from.
    private const string UpdateReply = """
        UPDATE replies SET state = $state, next_attempt_at = $next_attempt_at, lease_until = $lease_until, version = $version, payload = $payload
        WHERE id = $id AND version = $version - 1;
        """;

    // The interactions of the post a reply answers, on the post_id index.
    private const string SelectInteractionsOfPost = "SELECT id, payload FROM interactions WHERE post_id = $post_id;";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The reply has no id, or a version other than 1.</exception>
    public ValueTask<Reply> AddReplyAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        ReplyChanges.CheckNew(reply);
        return WriteAsync(
            (connection, transaction, _) =>
            {
                using var insert = connection.CreateCommand(
                    transaction, InsertReply, "$id", "$state", "$item_id", "$in_reply_to_post_id", "$next_attempt_at", "$lease_until", "$created_at", "$version", "$payload");
                insert.Run(
                    reply.Id, (int)reply.State, reply.ItemId, reply.InReplyToPostId, UnixTime.ToMilliseconds(reply.NextAttemptAt),
                    reply.LeaseUntil is { } lease ? UnixTime.ToMilliseconds(lease) : null, UnixTime.ToMilliseconds(reply.CreatedAt), reply.Version,
                    PayloadSerializer.Write(reply, StoreJsonContext.Default.Reply));
                return ReadReply(connection, transaction, reply.Id)!;
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
            return ReadReply(connection, null, replyId);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Reply>> ListRepliesAsync(ReplyState state, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, SelectRepliesInState, "$state", "$limit");
            command.Bind((int)state, maxCount);
            return ReadReplies(command);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> or <paramref name="leaseDuration"/> is zero or negative.</exception>
    public ValueTask<IReadOnlyList<Reply>> ClaimDueRepliesAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ReplyChanges.CheckClaim(maxCount, leaseDuration);
        return WriteAsync<IReadOnlyList<Reply>>(
            (connection, transaction, now) =>
            {
                using var select = connection.CreateCommand(transaction, SelectDueReplies, "$state", "$now", "$limit");
                select.Bind((int)ReplyState.Queued, now, maxCount);
                var at = UnixTime.FromMilliseconds(now);
                var claimed = ReadReplies(select).Select(reply => ReplyChanges.Claim(reply, at, leaseDuration)).ToList();
                foreach (var reply in claimed)
                {
                    WriteReply(connection, transaction, reply);
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
            (connection, transaction, now) =>
            {
                var stored = ReadReply(connection, transaction, reply.Id) ?? throw ReplyChanges.Unknown(reply.Id);
                if (!WriteReply(connection, transaction, reply))
                {
                    return false;
                }

                if (ReplyChanges.Publishes(stored, reply))
                {
                    LinkPublished(connection, transaction, reply, SettledKeys, now);
                }

                return true;
            },
            cancellationToken);
    }

    // Our new post becomes an outbound interaction of the person it answers: the item's, or else the answered post's author.
    private static void LinkPublished(SqliteConnection connection, SqliteTransaction transaction, Reply published, SettledKeyHasher settledKeys, long now)
    {
        if (published.ItemId is { } itemId && ReadItem(connection, transaction, itemId) is { } item)
        {
            BatchCommitWriter.WriteInteractions(connection, [ReplyChanges.Outbound(published, item)]);
            if (ReplyChanges.Answer(item, published, UnixTime.FromMilliseconds(now)) is { } change)
            {
                SaveItem(connection, transaction, change, settledKeys, now);
            }
        }
        else if (ReplyChanges.AnsweredInteraction(ReadInteractionsOfPost(connection, transaction, published.InReplyToPostId)) is { } answered)
        {
            var outbound = ReplyChanges.Outbound(published, answered);
            BatchCommitWriter.WriteInteractions(connection, [outbound]);
            ResolveAnswered(connection, transaction, outbound, settledKeys, now);
        }
    }

    private static List<Interaction> ReadInteractionsOfPost(SqliteConnection connection, SqliteTransaction transaction, string postId)
    {
        using var command = connection.CreateCommand(transaction, SelectInteractionsOfPost, "$post_id");
        command.Bind(postId);
        var interactions = new List<Interaction>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            interactions.Add(PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Interaction, "interactions", reader.GetString(0)));
        }

        return interactions;
    }

    private static bool WriteReply(SqliteConnection connection, SqliteTransaction transaction, Reply reply)
    {
        using var update = connection.CreateCommand(
            transaction, UpdateReply, "$id", "$state", "$next_attempt_at", "$lease_until", "$version", "$payload");
        return update.Run(
            reply.Id, (int)reply.State, UnixTime.ToMilliseconds(reply.NextAttemptAt), reply.LeaseUntil is { } lease ? UnixTime.ToMilliseconds(lease) : null,
            reply.Version, PayloadSerializer.Write(reply, StoreJsonContext.Default.Reply)) > 0;
    }

    private static Reply? ReadReply(SqliteConnection connection, SqliteTransaction? transaction, string replyId)
    {
        using var command = connection.CreateCommand(transaction, SelectReply, "$id");
        command.Bind(replyId);
        return command.ExecuteScalar() is string payload ? PayloadSerializer.Read(payload, StoreJsonContext.Default.Reply, "replies", replyId) : null;
    }

    private static List<Reply> ReadReplies(SqliteCommand command)
    {
        var replies = new List<Reply>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            replies.Add(PayloadSerializer.Read(reader.GetString(1), StoreJsonContext.Default.Reply, "replies", reader.GetString(0)));
        }

        return replies;
    }
}
