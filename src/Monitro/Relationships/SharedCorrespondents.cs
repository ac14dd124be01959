namespace Monitro;

/// <summary>
/// Who else both sides of a relationship exchange messages with: two people who write to the same others are more likely
/// to know each other, a signal no count of their own messages carries. An optional input of
/// <see cref="RelationshipScoring.Score"/>, for a caller whose log covers the whole network (a CRM of everyone's contacts,
/// a mail or chat server); the pipeline sees only our own exchanges and scores without it.
/// </summary>
/// <remarks>
/// Count people, not messages: a correspondent is anyone with at least one message either way in the history scored.
/// Bond reads the overlap of the two circles, <see cref="Shared"/> / (<see cref="Ours"/> + <see cref="Theirs"/> −
/// <see cref="Shared"/>), so someone who writes to everyone does not share a large circle with everyone by their
/// number alone (docs/relationships.md, *Shared correspondents*).
/// </remarks>
public sealed record SharedCorrespondents
{
    /// <summary>Gets how many people both we and the person exchanged a message with.</summary>
    /// <value>At least 0 and at most <see cref="Ours"/> and <see cref="Theirs"/>.</value>
    public required int Shared { get; init; }

    /// <summary>Gets how many people we exchanged a message with, besides the person.</summary>
    public required int Ours { get; init; }

    /// <summary>Gets how many people the person exchanged a message with, besides us.</summary>
    public required int Theirs { get; init; }

    /// <summary>Gets the overlap of the two circles: the share of everyone either side writes with whom both write with.</summary>
    internal double Overlap => Ours + Theirs - Shared <= 0 ? 0 : Shared / (double)(Ours + Theirs - Shared);

    /// <summary>Gets what is wrong with the counts, or <see langword="null"/> when they are consistent.</summary>
    internal string? Problem =>
        Shared < 0 || Ours < 0 || Theirs < 0 ? "The counts of correspondents must not be negative."
        : Shared > Ours || Shared > Theirs ? "Shared correspondents cannot outnumber either side's correspondents."
        : null;
}
