namespace Monitro.Orleans.Leases;

/// <summary>
/// Sends a batch's interactions with one person of one tenant to that person (a grain call in a cluster, a direct call
/// in tests): the person id, the interactions and the person of each as seen in its post, and every identity known to be that person.
/// </summary>
internal delegate Task<int> PersonCall(string tenantId, string personId, Interaction[] interactions, Author[] people, string[] identities, string sourceName, CancellationToken cancellationToken);
