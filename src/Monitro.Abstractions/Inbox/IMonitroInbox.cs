namespace Monitro;

/// <summary>
/// The inbox: the posts that need an answer from us, and the commands that move them along
/// (New → Assigned → Waiting → Resolved, or Ignored with a reason).
/// </summary>
/// <remarks>
/// <para>Items are created by the pipeline, once per post, in the commit that stores the post; an answer from one of
/// our accounts in the item's thread resolves it in the commit that stores the answer. Every change, there or through
/// a command, raises one <c>item.*</c> alert (<see cref="AlertKinds"/>) in the same transaction, so the CRM events
/// of the changes are delivered at least once and in the order of <see cref="InboxItem.Version"/>.</para>
/// <para>A command that does not fit the item's state throws <see cref="InvalidOperationException"/> and changes
/// nothing; a command on an unknown item throws <see cref="KeyNotFoundException"/>.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IMonitroInbox
{
    /// <summary>Lists items, most urgent (earliest due) first.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="page">The page to read.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>One page of items.</returns>
    ValueTask<Page<InboxItem>> ListItemsAsync(InboxQuery query, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Reads one item.</summary>
    /// <param name="itemId">The id of the item (the id of its post).</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The item, or <see langword="null"/> when there is none.</returns>
    ValueTask<InboxItem?> GetItemAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>Assigns an open item to an agent (also to reassign it, or to take it back from waiting).</summary>
    /// <param name="itemId">The id of the item.</param>
    /// <param name="assignee">The id of the agent.</param>
    /// <param name="cancellationToken">A token that cancels the command before it starts.</param>
    /// <returns>The item after the change.</returns>
    ValueTask<InboxItem> AssignAsync(string itemId, string assignee, CancellationToken cancellationToken = default);

    /// <summary>Marks an open item as waiting for the person.</summary>
    /// <param name="itemId">The id of the item.</param>
    /// <param name="cancellationToken">A token that cancels the command before it starts.</param>
    /// <returns>The item after the change.</returns>
    ValueTask<InboxItem> MarkWaitingAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>Resolves an open item by hand (for example when it was answered outside Monitro's sight).</summary>
    /// <param name="itemId">The id of the item.</param>
    /// <param name="cancellationToken">A token that cancels the command before it starts.</param>
    /// <returns>The item after the change.</returns>
    ValueTask<InboxItem> ResolveAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>Closes an open item without an answer.</summary>
    /// <param name="itemId">The id of the item.</param>
    /// <param name="reason">Why (spam, handled elsewhere…); required.</param>
    /// <param name="cancellationToken">A token that cancels the command before it starts.</param>
    /// <returns>The item after the change.</returns>
    ValueTask<InboxItem> IgnoreAsync(string itemId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Opens a resolved or ignored item again: assigned when it has an assignee, new otherwise.</summary>
    /// <param name="itemId">The id of the item.</param>
    /// <param name="cancellationToken">A token that cancels the command before it starts.</param>
    /// <returns>The item after the change.</returns>
    ValueTask<InboxItem> ReopenAsync(string itemId, CancellationToken cancellationToken = default);
}
