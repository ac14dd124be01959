namespace Monitro;

/// <summary>A role Monitro suggests for a person, with why.</summary>
/// <param name="Role">The role in camelCase (<c>detractor</c>, <c>recoveredDetractor</c>, …).</param>
/// <param name="RuleId">The rule that suggested it (for example <c>detractor.open-complaint</c>); CRM facts use <c>crm.*</c>.</param>
/// <param name="Reason">A one-line reason for people.</param>
/// <param name="IsFact">Whether the role is a CRM fact rather than a guess.</param>
public sealed record EventRole(string Role, string RuleId, string Reason, bool IsFact);
