namespace Monitro.Orleans;

/// <summary>One edit of the watch registry: a tenant's watch added, replaced or removed, with the version the edit made.</summary>
/// <param name="Version">The version the edit made; the edits of a registry have consecutive versions.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Name">The name of the watch within the tenant.</param>
/// <param name="Watch">The watch as the edit left it, or <see langword="null"/> when the edit removed it.</param>
public sealed record TenantWatchChange(long Version, string TenantId, string Name, Watch? Watch);
