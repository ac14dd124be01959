namespace Monitro;

/// <summary>Everything one source batch produced, committed to a store in one transaction together with its checkpoint.</summary>
public sealed record BatchCommit
{
    /// <summary>Gets the name of the source instance the batch came from.</summary>
    public required string SourceName { get; init; }

    /// <summary>Gets the posts to keep (those that matched a watch or belong to a conversation with the company).</summary>
    public IReadOnlyList<Post> Posts { get; init; } = [];

    /// <summary>Gets the mentions found.</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];

    /// <summary>Gets the interactions derived from the posts.</summary>
    public IReadOnlyList<Interaction> Interactions { get; init; } = [];

    /// <summary>Gets the inbox items of the posts that need an answer; an item whose post already has one is left as it is.</summary>
    public IReadOnlyList<InboxItem> InboxItems { get; init; } = [];

    /// <summary>Gets the ids of posts the platform reported as deleted.</summary>
    public IReadOnlyList<string> Retractions { get; init; } = [];

    /// <summary>Gets the items the source could not read, to keep as dead letters.</summary>
    public IReadOnlyList<SkippedItem> Skipped { get; init; } = [];

    /// <summary>Gets the alerts the batch raised, to put in the outbox in the same transaction.</summary>
    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    /// <summary>Gets how the batch changes the durable alerting state, written in the same transaction (<see cref="IAlertStateStore"/>), or <see langword="null"/>.</summary>
    public AlertStateChanges? AlertState { get; init; }

    /// <summary>Gets the checkpoint that resumes right after the batch, or <see langword="null"/>.</summary>
    public SourceCheckpoint? Checkpoint { get; init; }
}
