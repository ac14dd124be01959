namespace Monitro.Orleans;

/// <summary>Every tenant's watches at one version of the registry.</summary>
/// <param name="Version">The version; it grows with every edit.</param>
/// <param name="Watches">The watches.</param>
public sealed record TenantWatchSet(long Version, IReadOnlyList<TenantWatch> Watches);
