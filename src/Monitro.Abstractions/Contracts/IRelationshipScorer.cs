namespace Monitro;

/// <summary>Keeps per-person aggregates of interactions and produces explainable relationship scores, roles and transitions.</summary>
/// <remarks>Implementations are thread-safe; recording the same interaction id twice has no effect.</remarks>
public interface IRelationshipScorer
{
    /// <summary>Gets how often the pipeline calls <see cref="Advance"/> when no posts arrive, so time-based transitions fire on time.</summary>
    /// <value>The default is one minute.</value>
    TimeSpan AdvanceInterval => TimeSpan.FromMinutes(1);

    /// <summary>Records an interaction with a person.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="person">The person's identity as last seen.</param>
    void Record(Interaction interaction, Author person);

    /// <summary>Looks up CRM facts for identities not known or whose cached facts expired.</summary>
    /// <param name="people">The identities seen in a batch.</param>
    /// <param name="now">The current time, for the cache.</param>
    /// <param name="cancellationToken">Cancels the look-ups.</param>
    /// <returns>A task that completes when the facts are known.</returns>
    ValueTask ResolveContactsAsync(IReadOnlyCollection<Author> people, DateTimeOffset now, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <summary>Re-evaluates what changed since the last call (people with new interactions, response-time targets passed, relationships gone dormant) and returns the transitions, each once.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The transitions detected, possibly none.</returns>
    IReadOnlyList<RelationshipTransition> Advance(DateTimeOffset now) => [];

    /// <summary>Gets the relationship with one person.</summary>
    /// <param name="personId">The identity key of the person (any of its merged identities).</param>
    /// <param name="asOf">The moment to score at.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the person is unknown.</returns>
    RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf);

    /// <summary>Gets the strongest relationships.</summary>
    /// <param name="count">How many to return.</param>
    /// <param name="asOf">The moment to score at.</param>
    /// <returns>The snapshots, strongest first.</returns>
    IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf);
}
