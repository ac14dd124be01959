using System.Runtime.CompilerServices;
using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IMonitroInbox"/> side of the in-memory store.</summary>
public sealed partial class InMemoryMonitroStore : IMonitroInbox
{
    private readonly Dictionary<string, InboxItem> _inbox = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="page"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The continuation token is not one of this query.</exception>
    public ValueTask<Page<InboxItem>> ListItemsAsync(InboxQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Inbox, nameof(page));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var rows = _inbox.Values
                .Where(item => InboxChanges.Matches(item, query))
                .Select(item => (Item: item, Time: Milliseconds(item.DueAt)))
                .Where(row => after is not { } token || After(row.Time, row.Item.Id, token))
                .OrderBy(row => row.Time)
                .ThenBy(row => row.Item.Id, StringComparer.Ordinal);
            return ValueTask.FromResult(ReadPage(rows, page.PageSize, row => (row.Item, new ContinuationToken(ContinuationToken.Inbox, row.Time, row.Item.Id))));
        }
    }

    /// <inheritdoc/>
    public ValueTask<InboxItem?> GetItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_inbox.GetValueOrDefault(itemId));
        }
    }

    /// <inheritdoc/>
    public ValueTask<InboxItem> AssignAsync(string itemId, string assignee, CancellationToken cancellationToken = default) =>
        InboxCommands.Assign(ChangeItem, itemId, assignee, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<InboxItem> MarkWaitingAsync(string itemId, CancellationToken cancellationToken = default) =>
        InboxCommands.MarkWaiting(ChangeItem, itemId, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<InboxItem> ResolveAsync(string itemId, CancellationToken cancellationToken = default) =>
        InboxCommands.Resolve(ChangeItem, itemId, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<InboxItem> IgnoreAsync(string itemId, string reason, CancellationToken cancellationToken = default) =>
        InboxCommands.Ignore(ChangeItem, itemId, reason, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<InboxItem> ReopenAsync(string itemId, CancellationToken cancellationToken = default) =>
        InboxCommands.Reopen(ChangeItem, itemId, cancellationToken);

    /// <summary>Creates the commit's new items and resolves those our answers in it answer; called under the lock.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteInbox(BatchCommit commit, DateTimeOffset now)
    {
        foreach (var item in commit.InboxItems)
        {
            if (!_inbox.ContainsKey(item.Id) && !IsRetracted(item.Id))
            {
                var created = item with { Version = 1, UpdatedAt = now };
                _inbox[item.Id] = created;
                Enqueue(Alert.ForItem(AlertKinds.ItemCreated, created, now), now);
            }
        }

        foreach (var answer in InboxChanges.Answers(commit))
        {
            ResolveAnswered(answer, now);
        }
    }

    /// <summary>Resolves the open items our answer answers (in their thread); called under the lock.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ResolveAnswered(Interaction answer, DateTimeOffset now)
    {
        foreach (var item in _inbox.Values.ToList())
        {
            if (InboxChanges.Answer(item, answer, now) is { } change)
            {
                Save(change, now);
            }
        }
    }

    private ValueTask<InboxItem> ChangeItem(string itemId, Func<InboxItem, DateTimeOffset, (InboxItem Item, string Kind)> change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var item = _inbox.GetValueOrDefault(itemId) ?? throw InboxChanges.Unknown(itemId);
            return ValueTask.FromResult(Save(change(item, now), now));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private InboxItem Save((InboxItem Item, string Kind) change, DateTimeOffset now)
    {
        _inbox[change.Item.Id] = change.Item;
        Enqueue(Alert.ForItem(change.Kind, change.Item, now), now);
        return change.Item;
    }
}
