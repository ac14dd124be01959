namespace Monitro;

/// <summary>
/// One piece of the alerting state that must outlive a restart: a mention held in an open digest or spike window,
/// the counts and cool-down of a spike series, or an identity link. The pipeline writes rows with the batch that
/// changes them (<see cref="BatchCommit.AlertState"/>) and reads them back at start (<see cref="IAlertStateStore"/>);
/// a store keeps them as they are and reads nothing into <see cref="Payload"/>.
/// </summary>
public sealed record AlertStateRow
{
    /// <summary>Gets the group the row belongs to, for example one digest window of one rule; a group is cleared whole.</summary>
    public required string Scope { get; init; }

    /// <summary>Gets the row's key within its <see cref="Scope"/>; with <see cref="RefersToMention"/>, the id of a stored mention.</summary>
    public required string Item { get; init; }

    /// <summary>Gets the state the row keeps (JSON written by the pipeline), or <see langword="null"/> for a row that only names its item.</summary>
    public string? Payload { get; init; }

    /// <summary>
    /// Gets the identity key (<see cref="Author.IdentityKey"/>) the row is about, or <see langword="null"/>; erasing a
    /// person (<see cref="IPersonDataEraser"/>) deletes the rows of each of their identities.
    /// </summary>
    public string? PersonId { get; init; }

    /// <summary>
    /// Gets a value indicating whether <see cref="Item"/> is the id of a stored mention. Such rows are read back with
    /// <see cref="Mention"/> filled in, and not at all once the mention is gone (its post retracted, its person erased).
    /// </summary>
    public bool RefersToMention { get; init; }

    /// <summary>
    /// Gets the moment the row falls due, or <see langword="null"/> for a row that never does; stores index it, so
    /// <see cref="IDueAlertStateStore"/> reads the rows due by a moment without reading those due later. Kept to the millisecond.
    /// </summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Gets the stored mention named by <see cref="Item"/>, on rows read back with <see cref="RefersToMention"/>; ignored when writing.</summary>
    public Mention? Mention { get; init; }
}
