namespace Monitro;

/// <summary>A person among those who posted the most mentions in a period, with their latest relationship snapshot.</summary>
/// <param name="PersonId">The identity key of the author.</param>
/// <param name="Handle">The author's handle, or <see langword="null"/> when the identity is no longer stored.</param>
/// <param name="Mentions">The number of their mentions in the period.</param>
/// <param name="Snapshot">Their latest relationship snapshot (role, Bond, Affect, Care and the reasons), or <see langword="null"/> when never scored.</param>
public sealed record TopPerson(string PersonId, string? Handle, int Mentions, RelationshipSnapshot? Snapshot);
