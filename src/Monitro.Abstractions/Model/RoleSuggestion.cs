namespace Monitro;

/// <summary>A role a person probably plays, with the rule that suggested it and the evidence.</summary>
public sealed record RoleSuggestion
{
    /// <summary>Gets the role.</summary>
    public required RelationshipRole Role { get; init; }

    /// <summary>Gets the id of the rule that produced the suggestion (for example <c>detractor.open-complaint</c>); CRM facts use <c>crm.*</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>Gets a one-line reason for people.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the ids of the interactions (<see cref="Interaction.Id"/>) the rule used; empty for CRM facts.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Gets a value indicating whether the role is a CRM fact rather than a guess.</summary>
    public bool IsFact { get; init; }
}
