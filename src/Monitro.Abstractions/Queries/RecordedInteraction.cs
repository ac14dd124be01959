namespace Monitro;

/// <summary>A stored interaction with the person it is about, as the store keeps their identity.</summary>
/// <param name="Interaction">The interaction.</param>
/// <param name="Person">The identity of the person (<see cref="Interaction.PersonId"/>) as last seen.</param>
public sealed record RecordedInteraction(Interaction Interaction, Author Person);
