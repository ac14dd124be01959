namespace Monitro.Orleans;

/// <summary>A watch of one tenant.</summary>
/// <param name="TenantId">The tenant; watch names are unique within a tenant, not across tenants.</param>
/// <param name="Watch">The watch.</param>
[GenerateSerializer]
[Immutable]
public sealed record TenantWatch([property: Id(0)] string TenantId, [property: Id(1)] Watch Watch);
