namespace Monitro.Orleans;

/// <summary>
/// The relationship with one person of one tenant, activated on demand and deactivated when idle (Orleans' idle
/// collection); keyed by <c>tenant</c>, U+001F and the person id: the ordinal-smallest identity key of the identities
/// known to be that person (as in one process).
/// </summary>
/// <remarks>
/// Its state is rebuilt from the tenant's store when it activates, and again when a call names an identity it did not
/// hold, so any silo can hold it; the store is the truth.
/// </remarks>
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records interactions with the person, each once by <see cref="Interaction.Id"/>: the new ones are scored, and
    /// they and the alerts of the transitions they cause are committed to the tenant's store together (our answers
    /// among them close the inbox items they answer, in that commit).
    /// </summary>
    /// <param name="sourceName">The source the interactions were read from.</param>
    /// <param name="interactions">The interactions, each with one of <paramref name="identities"/>.</param>
    /// <param name="people">The person of each interaction as seen in its post, at the same index.</param>
    /// <param name="identities">Every identity key known to be this person, the person id included.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The number of interactions that were new.</returns>
    Task<int> RecordAsync(string sourceName, Interaction[] interactions, Author[] people, string[] identities, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the person to a moment with no new interaction, as one process's relationship timer does: the alerts of the
    /// transitions that fell due (an answer overdue, a relationship turned dormant) are committed with the person's next
    /// wake-up; each once per key. <see cref="IClusterClockGrain"/> calls it when the stored wake-up is due.
    /// </summary>
    /// <param name="now">The moment to move the person to.</param>
    /// <param name="identities">Every identity key known to be this person, the person id included.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The number of transitions raised.</returns>
    Task<int> AdvanceAsync(DateTimeOffset now, string[] identities, CancellationToken cancellationToken = default);

    /// <summary>Gets the relationship with the person as one process's scorer would report it, or <see langword="null"/> when the tenant's store holds no interaction with them.</summary>
    /// <param name="asOf">The moment to score at.</param>
    /// <param name="identities">Every identity key known to be this person, the person id included.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The relationship, or <see langword="null"/>.</returns>
    Task<RelationshipSnapshot?> GetRelationshipAsync(DateTimeOffset asOf, string[] identities, CancellationToken cancellationToken = default);
}
