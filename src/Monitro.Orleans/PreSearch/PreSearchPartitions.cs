namespace Monitro.Orleans.PreSearch;

/// <summary>How a router reaches the partitions of the pre-search index: grain calls in a cluster, direct calls in tests.</summary>
/// <param name="Count">The number of partitions.</param>
/// <param name="Lookup">Looks up terms in one partition (the partition, its terms, the registry version) and returns each term's shards.</param>
/// <param name="Shape">Gets the shape of the index at least at a registry version.</param>
internal sealed record PreSearchPartitions(
    int Count,
    Func<int, string[], long, CancellationToken, Task<int[][]>> Lookup,
    Func<long, CancellationToken, Task<PreSearchShape>> Shape);
