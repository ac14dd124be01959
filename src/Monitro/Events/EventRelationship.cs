namespace Monitro;

/// <summary>
/// The relationship with the person an event is about (spec 1.2): Monitro's scores, roles and reasons at the alert's
/// time, from its <see cref="RelationshipSnapshot"/>. Store it on the contact; a later event carries a newer one.
/// </summary>
/// <param name="PersonId">Monitro's person id, the identity key the linked identities merge into.</param>
/// <param name="Identities">The identity keys Monitro counts as this person (the person id first); more than one when it linked them.</param>
/// <param name="AsOf">The moment the scores describe.</param>
/// <param name="Bond">The strength of the relationship, 0 to 100.</param>
/// <param name="Band">The band of <paramref name="Bond"/>: <c>strong</c>, <c>warm</c>, <c>weak</c> or <c>dormant</c>.</param>
/// <param name="Affect">The tone about us, 0 to 100 (50 neutral); absent under the minimum evidence.</param>
/// <param name="Care">How well and how fast we answered, 0 to 100; absent with nothing to answer.</param>
/// <param name="Role">The main role in camelCase (<c>detractor</c>, <c>prospect</c>, …), when one applies.</param>
/// <param name="Roles">The suggested roles with their reasons, CRM facts first, then guesses by priority.</param>
/// <param name="Reason">A one-line reason for the scores, naming their main factors: the "why".</param>
public sealed record EventRelationship(
    string PersonId,
    IReadOnlyList<string> Identities,
    DateTimeOffset AsOf,
    double Bond,
    string Band,
    double? Affect,
    double? Care,
    string? Role,
    IReadOnlyList<EventRole> Roles,
    string Reason);
