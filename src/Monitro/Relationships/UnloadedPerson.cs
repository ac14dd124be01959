namespace Monitro.Relationships;

/// <summary>
/// A person a start restored from a snapshot that still fits their stored history, whose interactions are not read
/// yet: the registry reads them (<see cref="IPersonInteractionHistory"/>) before anything scores the person.
/// </summary>
/// <param name="snapshot">The stored snapshot: what was reported about the person, and when they are due again.</param>
/// <param name="identities">Every identity of the person with stored interactions.</param>
internal sealed class UnloadedPerson(PersonSnapshot snapshot, string[] identities)
{
    public PersonSnapshot Snapshot { get; } = snapshot;

    public string[] Identities { get; } = identities;

    /// <summary>Gets the interactions recorded while the person was not loaded: recorded after the stored ones, when they are.</summary>
    public List<(Interaction Interaction, Author Person)> RecordedSince { get; } = [];
}
