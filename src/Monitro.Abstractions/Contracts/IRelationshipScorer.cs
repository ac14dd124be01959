namespace Monitro;

/// <summary>Keeps per-person aggregates of interactions and produces explainable relationship scores.</summary>
/// <remarks>Implementations are thread-safe; recording the same interaction id twice has no effect.</remarks>
public interface IRelationshipScorer
{
    /// <summary>Records an interaction with a person.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="person">The person's identity as last seen.</param>
    void Record(Interaction interaction, Author person);

    /// <summary>Gets the relationship with one person.</summary>
    /// <param name="personId">The identity key of the person.</param>
    /// <param name="asOf">The moment to score at.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the person is unknown.</returns>
    RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf);

    /// <summary>Gets the strongest relationships.</summary>
    /// <param name="count">How many to return.</param>
    /// <param name="asOf">The moment to score at.</param>
    /// <returns>The snapshots, strongest first.</returns>
    IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf);
}
