namespace Monitro;

/// <summary>Which inbox items to list; every filter left <see langword="null"/> matches all. Items come most urgent first (by due time).</summary>
public sealed record InboxQuery
{
    /// <summary>Gets the states to list, or <see langword="null"/> for all.</summary>
    public IReadOnlyCollection<InboxItemState>? States { get; init; }

    /// <summary>Gets the agent whose items to list, or <see langword="null"/> for any (assigned or not).</summary>
    public string? Assignee { get; init; }

    /// <summary>Gets the kind of items to list, or <see langword="null"/> for all.</summary>
    public InboxItemKind? Kind { get; init; }

    /// <summary>Gets the person whose items to list, or <see langword="null"/> for all.</summary>
    public string? PersonId { get; init; }

    /// <summary>Gets a bound on the due time: only items due before it (for example now, for the breached ones), or <see langword="null"/>.</summary>
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Gets a bound on the age: only items created before it, or <see langword="null"/>.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Gets the open items (new, assigned, waiting).</summary>
    public static InboxQuery Open { get; } = new() { States = [InboxItemState.New, InboxItemState.Assigned, InboxItemState.Waiting] };
}
