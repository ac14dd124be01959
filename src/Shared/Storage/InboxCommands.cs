namespace Monitro.Storage.Shared;

/// <summary>
/// The inbox commands of every store (<see cref="IMonitroInbox"/>): each checks its arguments and picks the change of
/// <see cref="InboxChanges"/> to apply; the store supplies the one step that differs, reading the item, applying the
/// change and saving it with the change's alert atomically.
/// </summary>
internal static class InboxCommands
{
    /// <summary>A store's atomic read-change-save of one item; throws <see cref="KeyNotFoundException"/> for an unknown item.</summary>
    public delegate ValueTask<InboxItem> ChangeItem(string itemId, Func<InboxItem, DateTimeOffset, (InboxItem Item, string Kind)> change, CancellationToken cancellationToken);

    public static ValueTask<InboxItem> Assign(ChangeItem changeItem, string itemId, string assignee, CancellationToken cancellationToken)
    {
        InboxChanges.CheckCommand(itemId, assignee, nameof(assignee));
        return changeItem(itemId, (item, now) => InboxChanges.Assign(item, assignee, now), cancellationToken);
    }

    public static ValueTask<InboxItem> MarkWaiting(ChangeItem changeItem, string itemId, CancellationToken cancellationToken)
    {
        InboxChanges.CheckCommand(itemId);
        return changeItem(itemId, InboxChanges.MarkWaiting, cancellationToken);
    }

    public static ValueTask<InboxItem> Resolve(ChangeItem changeItem, string itemId, CancellationToken cancellationToken)
    {
        InboxChanges.CheckCommand(itemId);
        return changeItem(itemId, InboxChanges.Resolve, cancellationToken);
    }

    public static ValueTask<InboxItem> Ignore(ChangeItem changeItem, string itemId, string reason, CancellationToken cancellationToken)
    {
        InboxChanges.CheckCommand(itemId, reason, nameof(reason));
        return changeItem(itemId, (item, now) => InboxChanges.Ignore(item, reason, now), cancellationToken);
    }

    public static ValueTask<InboxItem> Reopen(ChangeItem changeItem, string itemId, CancellationToken cancellationToken)
    {
        InboxChanges.CheckCommand(itemId);
        return changeItem(itemId, InboxChanges.Reopen, cancellationToken);
    }
}
