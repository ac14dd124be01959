namespace Monitro.Orleans;

/// <summary>A mention found for one tenant.</summary>
/// <param name="TenantId">The tenant whose watch matched.</param>
/// <param name="Mention">The mention.</param>
[GenerateSerializer]
[Immutable]
public sealed record TenantMention([property: Id(0)] string TenantId, [property: Id(1)] Mention Mention);
