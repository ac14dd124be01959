namespace Monitro.Orleans.Leases;

/// <summary>Reads the relationship role of a tenant's person at a moment, as one process's scorer reports it (its name), or <see langword="null"/> when the person has none yet.</summary>
internal delegate Task<string?> PersonRoleCall(string tenantId, string personId, string[] identities, DateTimeOffset asOf, CancellationToken cancellationToken);
