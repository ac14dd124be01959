using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IMonitroInbox"/> side of the store: the items that need an answer, and the commands on them.</summary>
public sealed partial class PostgreSqlMonitroStore : IMonitroInbox
{
    // Most urgent first on the (due_at, id) index; a filter left null matches every row.
    private const string SelectInboxItems = """
        SELECT id, due_at, payload::text FROM inbox_items
        WHERE ($1::integer[] IS NULL OR state = ANY ($1))
          AND ($2::text IS NULL OR assignee = $2)
          AND ($3::integer IS NULL OR kind = $3)
          AND ($4::text IS NULL OR person_id = $4)
          AND ($5::bigint IS NULL OR due_at < $5)
          AND ($6::bigint IS NULL OR created_at < $6)
          AND ($7::bigint IS NULL OR (due_at, id) > ($7, $8::text))
        ORDER BY due_at, id
        LIMIT $9;
        """;

    // Locks the row, so two commands on one item take turns and each raises its own version.
    private const string SelectInboxItemForUpdate = "SELECT payload::text FROM inbox_items WHERE id = $1 FOR UPDATE";

    private const string SelectInboxItem = "SELECT payload::text FROM inbox_items WHERE id = $1";

    // The open items an answer in a thread may answer: of the post it replies to, or of the person in the thread.
    private const string SelectAnswerable = """
        SELECT payload::text FROM inbox_items
        WHERE state IN (0, 1, 2) AND (id = $1 OR (thread_id = $2 AND person_id = $3))
        FOR UPDATE
        """;

    // An item is created once per post, never for a retracted post.
    private const string InsertInboxItem = """
        INSERT INTO inbox_items (id, person_id, thread_id, state, assignee, kind, created_at, due_at, payload)
        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
        WHERE NOT EXISTS (SELECT 1 FROM posts WHERE id = $1 AND retracted_at IS NOT NULL)
        ON CONFLICT (id) DO NOTHING
        """;

    private const string UpdateInboxItem = "UPDATE inbox_items SET state = $2, assignee = $3, payload = $4 WHERE id = $1";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="page"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The continuation token is not one of this query.</exception>
    public async ValueTask<Page<InboxItem>> ListItemsAsync(InboxQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Inbox, nameof(page));
        NpgsqlParameter states = query.States is null
            ? new() { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer }
            : new() { Value = query.States.Select(static state => (int)state).ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer };
        return await ReadPageAsync(
            SelectInboxItems,
            [
                states,
                SqlParameters.Text(query.Assignee),
                SqlParameters.Int(query.Kind is { } kind ? (int)kind : null),
                SqlParameters.Text(query.PersonId),
                SqlParameters.Long(query.DueBefore is { } dueBefore ? UnixTime.ToMilliseconds(dueBefore) : null),
                SqlParameters.Long(query.CreatedBefore is { } createdBefore ? UnixTime.ToMilliseconds(createdBefore) : null),
                SqlParameters.Long(after?.Number),
                SqlParameters.Text(after?.Key),
                SqlParameters.Int(page.PageSize + 1),
            ],
            page.PageSize,
            reader =>
            {
                var id = reader.GetString(0);
                var item = PayloadSerializer.Read(reader.GetString(2), StoreJsonContext.Default.InboxItem, "inbox_items", id);
                return (item, new ContinuationToken(ContinuationToken.Inbox, reader.GetInt64(1), id));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<InboxItem?> GetItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadItemAsync(connection, SelectInboxItem, itemId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public ValueTask<InboxItem> AssignAsync(string itemId, string assignee, CancellationToken cancellationToken = default) =>
        InboxCommands.Assign(ChangeItemAsync, itemId, assignee, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<InboxItem> MarkWaitingAsync(string itemId, CancellationToken cancellationToken = default) =>
        InboxCommands.MarkWaiting(ChangeItemAsync, itemId, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<InboxItem> ResolveAsync(string itemId, CancellationToken cancellationToken = default) =>
        InboxCommands.Resolve(ChangeItemAsync, itemId, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<InboxItem> IgnoreAsync(string itemId, string reason, CancellationToken cancellationToken = default) =>
        InboxCommands.Ignore(ChangeItemAsync, itemId, reason, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<InboxItem> ReopenAsync(string itemId, CancellationToken cancellationToken = default) =>
        InboxCommands.Reopen(ChangeItemAsync, itemId, cancellationToken);

    /// <summary>Creates a commit's new items and resolves those our answers in it answer, inside the commit's transaction.</summary>
    internal static async ValueTask WriteInboxAsync(NpgsqlConnection connection, BatchCommit commit, SettledKeyHasher settledKeys, long now)
    {
        var at = UnixTime.FromMilliseconds(now);
        var created = new List<Alert>();
        foreach (var item in commit.InboxItems)
        {
            var row = item with { Version = 1, UpdatedAt = at };
            using var insert = connection.Command(
                InsertInboxItem,
                SqlParameters.Text(row.Id),
                SqlParameters.Text(row.PersonId),
                SqlParameters.Text(row.ThreadId),
                SqlParameters.Int((int)row.State),
                SqlParameters.Text(row.Assignee),
                SqlParameters.Int((int)row.Kind),
                SqlParameters.Long(UnixTime.ToMilliseconds(row.CreatedAt)),
                SqlParameters.Long(UnixTime.ToMilliseconds(row.DueAt)),
                SqlParameters.Json(PayloadSerializer.Write(row, StoreJsonContext.Default.InboxItem)));
            if (await insert.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false) > 0)
            {
                created.Add(Alert.ForItem(AlertKinds.ItemCreated, row, at));
            }
        }

        await EnqueueItemAlertsAsync(connection, created, settledKeys, now).ConfigureAwait(false);
        foreach (var answer in InboxChanges.Answers(commit))
        {
            await ResolveAnsweredAsync(connection, answer, settledKeys, now).ConfigureAwait(false);
        }
    }

    /// <summary>Resolves the open items our answer answers (in their thread).</summary>
    private static async ValueTask ResolveAnsweredAsync(NpgsqlConnection connection, Interaction answer, SettledKeyHasher settledKeys, long now)
    {
        var candidates = new List<InboxItem>();
        using (var select = connection.Command(
            SelectAnswerable, SqlParameters.Text(answer.InReplyToPostId), SqlParameters.Text(answer.ThreadId ?? answer.PostId), SqlParameters.Text(answer.PersonId)))
        {
            var reader = await select.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    candidates.Add(PayloadSerializer.Read(reader.GetString(0), StoreJsonContext.Default.InboxItem, "inbox_items", answer.PostId));
                }
            }
        }

        var at = UnixTime.FromMilliseconds(now);
        foreach (var item in candidates)
        {
            if (InboxChanges.Answer(item, answer, at) is { } change)
            {
                await SaveItemAsync(connection, change, settledKeys, now).ConfigureAwait(false);
            }
        }
    }

    private static async ValueTask<InboxItem?> ReadItemAsync(NpgsqlConnection connection, string sql, string itemId, CancellationToken cancellationToken)
    {
        using var command = connection.Command(sql, SqlParameters.Text(itemId));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string payload
            ? PayloadSerializer.Read(payload, StoreJsonContext.Default.InboxItem, "inbox_items", itemId)
            : null;
    }

    private static async ValueTask<InboxItem> SaveItemAsync(NpgsqlConnection connection, (InboxItem Item, string Kind) change, SettledKeyHasher settledKeys, long now)
    {
        var item = change.Item;
        using (var update = connection.Command(
            UpdateInboxItem,
            SqlParameters.Text(item.Id),
            SqlParameters.Int((int)item.State),
            SqlParameters.Text(item.Assignee),
            SqlParameters.Json(PayloadSerializer.Write(item, StoreJsonContext.Default.InboxItem))))
        {
            await update.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await EnqueueItemAlertsAsync(connection, [Alert.ForItem(change.Kind, item, UnixTime.FromMilliseconds(now))], settledKeys, now).ConfigureAwait(false);
        return item;
    }

    private static async ValueTask EnqueueItemAlertsAsync(NpgsqlConnection connection, List<Alert> alerts, SettledKeyHasher settledKeys, long now)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            PostgreSqlBatchWriter.AddAlerts(batch, alerts, settledKeys, now);
            await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private ValueTask<InboxItem> ChangeItemAsync(string itemId, Func<InboxItem, DateTimeOffset, (InboxItem Item, string Kind)> change, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, now) =>
            {
                var item = await ReadItemAsync(connection, SelectInboxItemForUpdate, itemId, CancellationToken.None).ConfigureAwait(false)
                    ?? throw InboxChanges.Unknown(itemId);
                return await SaveItemAsync(connection, change(item, UnixTime.FromMilliseconds(now)), SettledKeys, now).ConfigureAwait(false);
            },
            cancellationToken);
}
