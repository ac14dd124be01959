using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IMonitroInbox"/> side of the store: the items that need an answer, and the commands on them.</summary>
public sealed partial class SqliteMonitroStore : IMonitroInbox
{
    // Most urgent first on the (due_at, id) index; a filter left null matches every row.
    private const string SelectInboxItems = """
        SELECT id, due_at, payload FROM inbox_items
        WHERE ($states IS NULL OR state IN (SELECT value FROM json_each($states)))
          AND ($assignee IS NULL OR assignee = $assignee)
          AND ($kind IS NULL OR kind = $kind)
          AND ($person_id IS NULL OR person_id = $person_id)
          AND ($due_before IS NULL OR due_at < $due_before)
          AND ($created_before IS NULL OR created_at < $created_before)
          AND ($after_time IS NULL OR (due_at, id) > ($after_time, $after_id))
        ORDER BY due_at, id
        LIMIT $limit;
        """;

    private const string SelectInboxItem = "SELECT payload FROM inbox_items WHERE id = $id;";

    // The open items an answer in a thread may answer: of the post it replies to, or of the person in the thread.
    private const string SelectAnswerable = """
        SELECT payload FROM inbox_items
        WHERE state IN (0, 1, 2) AND (id = $reply_to OR (thread_id = $thread_id AND person_id = $person_id));
        """;

    // An item is created once per post, never for a retracted post.
    private const string InsertInboxItem = """
        INSERT INTO inbox_items (id, person_id, thread_id, state, assignee, kind, created_at, due_at, payload)
        SELECT $id, $person_id, $thread_id, $state, $assignee, $kind, $created_at, $due_at, $payload
        WHERE NOT EXISTS (SELECT 1 FROM posts WHERE id = $id AND retracted_at IS NOT NULL)
        ON CONFLICT (id) DO NOTHING;
        """;

    private const string UpdateInboxItem = """
        UPDATE inbox_items SET state = $state, assignee = $assignee, payload = $payload WHERE id = $id;
        """;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="page"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The continuation token is not one of this query.</exception>
    public async ValueTask<Page<InboxItem>> ListItemsAsync(InboxQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Inbox, nameof(page));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(
                null, SelectInboxItems, "$states", "$assignee", "$kind", "$person_id", "$due_before", "$created_before", "$after_time", "$after_id", "$limit");
            command.Bind(
                query.States is null ? null : "[" + string.Join(',', query.States.Select(static state => (int)state)) + "]",
                query.Assignee,
                query.Kind is { } kind ? (int)kind : null,
                query.PersonId,
                query.DueBefore is { } dueBefore ? UnixTime.ToMilliseconds(dueBefore) : null,
                query.CreatedBefore is { } createdBefore ? UnixTime.ToMilliseconds(createdBefore) : null,
                after?.Number,
                after?.Key,
                page.PageSize + 1);
            return ReadPage(command, page.PageSize, reader =>
            {
                var id = reader.GetString(0);
                var item = PayloadSerializer.Read(reader.GetString(2), StoreJsonContext.Default.InboxItem, "inbox_items", id);
                return (item, new ContinuationToken(ContinuationToken.Inbox, reader.GetInt64(1), id));
            });
        }
    }

    /// <inheritdoc/>
    public async ValueTask<InboxItem?> GetItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return ReadItem(connection, null, itemId);
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
    /// <remarks>New items are written with the writer's prepared commands; answers, which are rare, with commands of their own.</remarks>
    internal static void WriteInbox(SqliteWriter writer, SqliteTransaction transaction, BatchCommit commit, SettledKeyHasher settledKeys, long now)
    {
        var at = UnixTime.FromMilliseconds(now);
        if (commit.InboxItems.Count > 0)
        {
            CreateItems(writer, transaction, commit.InboxItems, settledKeys, now, at);
        }

        foreach (var answer in InboxChanges.Answers(commit))
        {
            ResolveAnswered(writer.Connection, transaction, answer, settledKeys, now);
        }
    }

    /// <summary>Resolves the open items our answer answers (in their thread).</summary>
    private static void ResolveAnswered(SqliteConnection connection, SqliteTransaction transaction, Interaction answer, SettledKeyHasher settledKeys, long now)
    {
        using var select = connection.CreateCommand(transaction, SelectAnswerable, "$reply_to", "$thread_id", "$person_id");
        select.Bind(answer.InReplyToPostId, answer.ThreadId ?? answer.PostId, answer.PersonId);
        var candidates = new List<InboxItem>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                candidates.Add(PayloadSerializer.Read(reader.GetString(0), StoreJsonContext.Default.InboxItem, "inbox_items", answer.PostId));
            }
        }

        var at = UnixTime.FromMilliseconds(now);
        foreach (var item in candidates)
        {
            if (InboxChanges.Answer(item, answer, at) is { } change)
            {
                SaveItem(connection, transaction, change, settledKeys, now);
            }
        }
    }

    private static void CreateItems(SqliteWriter writer, SqliteTransaction transaction, IReadOnlyList<InboxItem> items, SettledKeyHasher settledKeys, long now, DateTimeOffset at)
    {
        var insert = writer.Command(
            transaction, InsertInboxItem, "$id", "$person_id", "$thread_id", "$state", "$assignee", "$kind", "$created_at", "$due_at", "$payload");
        var created = new List<Alert>();
        foreach (var item in items)
        {
            var row = item with { Version = 1, UpdatedAt = at };
            if (insert.Run(
                row.Id, row.PersonId, row.ThreadId, (int)row.State, row.Assignee, (int)row.Kind,
                UnixTime.ToMilliseconds(row.CreatedAt), UnixTime.ToMilliseconds(row.DueAt),
                PayloadSerializer.Write(row, StoreJsonContext.Default.InboxItem)) > 0)
            {
                created.Add(Alert.ForItem(AlertKinds.ItemCreated, row, at));
            }
        }

        if (created.Count > 0)
        {
            BatchCommitWriter.WriteAlerts(writer, created, settledKeys, now);
        }
    }

    private static InboxItem? ReadItem(SqliteConnection connection, SqliteTransaction? transaction, string itemId)
    {
        using var command = connection.CreateCommand(transaction, SelectInboxItem, "$id");
        command.Bind(itemId);
        return command.ExecuteScalar() is string payload ? PayloadSerializer.Read(payload, StoreJsonContext.Default.InboxItem, "inbox_items", itemId) : null;
    }

    private static InboxItem SaveItem(SqliteConnection connection, SqliteTransaction transaction, (InboxItem Item, string Kind) change, SettledKeyHasher settledKeys, long now)
    {
        var item = change.Item;
        using var update = connection.CreateCommand(transaction, UpdateInboxItem, "$id", "$state", "$assignee", "$payload");
        update.Run(item.Id, (int)item.State, item.Assignee, PayloadSerializer.Write(item, StoreJsonContext.Default.InboxItem));
        BatchCommitWriter.WriteAlerts(connection, [Alert.ForItem(change.Kind, item, UnixTime.FromMilliseconds(now))], settledKeys, now);
        return item;
    }

    private ValueTask<InboxItem> ChangeItemAsync(string itemId, Func<InboxItem, DateTimeOffset, (InboxItem Item, string Kind)> change, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var item = ReadItem(connection, transaction, itemId) ?? throw InboxChanges.Unknown(itemId);
                return SaveItem(connection, transaction, change(item, UnixTime.FromMilliseconds(now)), SettledKeys, now);
            },
            cancellationToken);
}
