namespace Monitro.Orleans.Leases;

/// <summary>
/// Reads the version of a tenant's identity links, or moves it after committing links (a grain call in a cluster, a
/// direct call in tests); returns the version.
/// </summary>
internal delegate Task<long> LinkVersionCall(string tenantId, bool move, CancellationToken cancellationToken);
