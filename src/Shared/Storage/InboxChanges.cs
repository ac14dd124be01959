namespace Monitro.Storage.Shared;

/// <summary>
/// The state machine of inbox items, the same in every store: each change returns the item after it (with the next
/// version) and the kind of the alert it raises, or throws <see cref="InvalidOperationException"/> when the item's
/// state does not allow it.
/// </summary>
internal static class InboxChanges
{
    public static (InboxItem Item, string Kind) Assign(InboxItem item, string assignee, DateTimeOffset now)
    {
        RequireOpen(item, "assigned");
        return (Next(item, now) with { State = InboxItemState.Assigned, Assignee = assignee }, AlertKinds.ItemAssigned);
    }

    public static (InboxItem Item, string Kind) MarkWaiting(InboxItem item, DateTimeOffset now)
    {
        RequireOpen(item, "marked waiting");
        return (Next(item, now) with { State = InboxItemState.Waiting }, AlertKinds.ItemWaiting);
    }

    public static (InboxItem Item, string Kind) Resolve(InboxItem item, DateTimeOffset now)
    {
        RequireOpen(item, "resolved");
        return (Next(item, now) with { State = InboxItemState.Resolved }, AlertKinds.ItemResolved);
    }

    public static (InboxItem Item, string Kind) Ignore(InboxItem item, string reason, DateTimeOffset now)
    {
        RequireOpen(item, "ignored");
        return (Next(item, now) with { State = InboxItemState.Ignored, IgnoredReason = reason }, AlertKinds.ItemIgnored);
    }

    public static (InboxItem Item, string Kind) Reopen(InboxItem item, DateTimeOffset now)
    {
        if (item.IsOpen)
        {
            throw new InvalidOperationException($"The inbox item is {item.State} and only a resolved or ignored item can be reopened.");
        }

        var state = item.Assignee is null ? InboxItemState.New : InboxItemState.Assigned;
        return (Next(item, now) with { State = state, IgnoredReason = null, AnsweredByPostId = null, AnsweredAt = null }, AlertKinds.ItemReopened);
    }

    /// <summary>Resolves an open item by our answer in its thread; <see langword="null"/> when the answer does not answer it.</summary>
    public static (InboxItem Item, string Kind)? Answer(InboxItem item, Interaction answer, DateTimeOffset now)
    {
        if (!item.IsOpen || !item.IsAnsweredBy(answer.InReplyToPostId, answer.ThreadId ?? answer.PostId, answer.PersonId, answer.OccurredAt))
        {
            return null;
        }

        return (Next(item, now) with { State = InboxItemState.Resolved, AnsweredByPostId = answer.PostId, AnsweredAt = answer.OccurredAt }, AlertKinds.ItemResolved);
    }

    /// <summary>Gets our answers in a commit: outbound replies.</summary>
    public static IEnumerable<Interaction> Answers(BatchCommit commit) =>
        commit.Interactions.Where(static interaction => interaction.Direction == InteractionDirection.Outbound && interaction.InReplyToPostId is not null);

    /// <summary>Checks the item id of a command.</summary>
    public static void CheckCommand(string itemId) => ArgumentException.ThrowIfNullOrWhiteSpace(itemId);

    /// <summary>Checks the item id and the required text argument of a command.</summary>
    public static void CheckCommand(string itemId, string argument, string argumentName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        ArgumentException.ThrowIfNullOrWhiteSpace(argument, argumentName);
    }

    public static KeyNotFoundException Unknown(string itemId) => new($"There is no inbox item '{itemId}'.");

    /// <summary>Whether an item passes a query's filters.</summary>
    public static bool Matches(InboxItem item, InboxQuery query) =>
        (query.States is null || query.States.Contains(item.State))
        && (query.Assignee is null || string.Equals(item.Assignee, query.Assignee, StringComparison.Ordinal))
        && (query.Kind is null || item.Kind == query.Kind)
        && (query.PersonId is null || string.Equals(item.PersonId, query.PersonId, StringComparison.Ordinal))
        && (query.DueBefore is null || item.DueAt < query.DueBefore)
        && (query.CreatedBefore is null || item.CreatedAt < query.CreatedBefore);

    private static InboxItem Next(InboxItem item, DateTimeOffset now) => item with { Version = item.Version + 1, UpdatedAt = now };

    private static void RequireOpen(InboxItem item, string what)
    {
        if (!item.IsOpen)
        {
            throw new InvalidOperationException($"The inbox item is {item.State}: it cannot be {what}; reopen it first.");
        }
    }
}
