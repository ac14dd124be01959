namespace Monitro.Orleans;

/// <summary>
/// The relationship with one person of one tenant, activated on demand and deactivated when idle (Orleans' idle
/// collection); keyed by <c>tenant</c>, U+001F and the person's identity key.
/// </summary>
/// <remarks>
/// Its state is rebuilt from the tenant's store when it activates, so any silo can hold it; the store is the truth.
/// </remarks>
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records interactions with the person, each once by <see cref="Interaction.Id"/>: the new ones are scored, and
    /// they and the alerts of the transitions they cause are committed to the tenant's store together.
    /// </summary>
    /// <param name="sourceName">The source the interactions were read from.</param>
    /// <param name="interactions">The interactions, all with this person.</param>
    /// <param name="person">The person's identity as last seen.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The number of interactions that were new.</returns>
    Task<int> RecordAsync(string sourceName, Interaction[] interactions, Author person, CancellationToken cancellationToken = default);
}
