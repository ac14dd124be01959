namespace Monitro;

/// <summary>A change in the relationship with a person, raised once per person, kind and triggering event.</summary>
public sealed record RelationshipTransition
{
    /// <summary>Gets the person (<see cref="RelationshipSnapshot.PersonId"/>).</summary>
    public required string PersonId { get; init; }

    /// <summary>Gets the kind of change.</summary>
    public required RelationshipTransitionKind Kind { get; init; }

    /// <summary>Gets the id of the interaction that triggered the change (<see cref="Interaction.Id"/>).</summary>
    public required string TriggerId { get; init; }

    /// <summary>Gets when the change was detected.</summary>
    public required DateTimeOffset DetectedAt { get; init; }

    /// <summary>Gets a one-line reason for people.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the ids of the interactions behind the change.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Gets the stable key <c>person|kind|trigger</c>, used as the idempotency key of the alert.</summary>
    public string Key => string.Concat(PersonId, "|", AlertKinds.ForTransition(Kind), "|", TriggerId);
}
