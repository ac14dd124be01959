namespace Monitro.Orleans.Leases;

/// <summary>Sends a batch's interactions with one person of one tenant to that person: a grain call in a cluster, a direct call in tests.</summary>
internal delegate Task<int> PersonCall(string tenantId, Author person, Interaction[] interactions, string sourceName, CancellationToken cancellationToken);
