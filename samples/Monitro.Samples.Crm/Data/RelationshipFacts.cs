namespace Monitro.Samples.Crm.Data;

/// <summary>What Monitro knows about one person's relationship with us, as the CRM keeps it.</summary>
/// <param name="PersonId">Monitro's person id.</param>
/// <param name="Identities">The identity keys Monitro counts as this person (more than one when it linked them).</param>
/// <param name="Bond">Tie strength, 0–100.</param>
/// <param name="Band">strong, warm, weak or dormant.</param>
/// <param name="Affect">Tone, 0–100 (50 neutral), or none with too few analyzed posts.</param>
/// <param name="Care">Our responsiveness, 0–100, or none with nothing due.</param>
/// <param name="Role">The main suggested role, if any.</param>
/// <param name="RoleReason">Why that role.</param>
/// <param name="Why">Monitro's one-line explanation of the scores.</param>
public sealed record RelationshipFacts(
    string PersonId, IReadOnlyList<string> Identities, double Bond, string Band, double? Affect, double? Care, string? Role, string? RoleReason, string Why)
{
    /// <summary>The CRM's view of the relationship an event carries: the first suggested role is the one shown.</summary>
    public static RelationshipFacts From(EventRelationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var role = relationship.Roles.Count > 0 ? relationship.Roles[0] : null;
        return new RelationshipFacts(
            relationship.PersonId,
            relationship.Identities.Count > 0 ? relationship.Identities : [relationship.PersonId],
            relationship.Bond,
            relationship.Band,
            relationship.Affect,
            relationship.Care,
            role is null ? null : RoleName(role.Role),
            role?.Reason,
            relationship.Reason);
    }

    // Events name roles in camelCase; the pages show the enum's own name ("RecoveredDetractor"), or the text as sent
    // for a role this build does not know.
    private static string RoleName(string role) =>
        Enum.TryParse<RelationshipRole>(role, ignoreCase: true, out var known) ? known.ToString() : role;
}
