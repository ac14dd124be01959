namespace Monitro.Orleans;

/// <summary>How a source lease is doing.</summary>
/// <param name="Epoch">The epoch this activation took, 0 before it started.</param>
/// <param name="Batches">The batches this activation committed.</param>
/// <param name="State">Whether it runs, finished, was fenced off or failed.</param>
/// <param name="PairsSent">The (post, shard) pairs sent to matcher shards by this activation.</param>
/// <param name="PairsSkipped">The (post, shard) pairs the pre-search filter skipped in this activation.</param>
/// <param name="Silo">The address of the silo it runs on.</param>
[GenerateSerializer]
[Immutable]
public sealed record SourceLeaseStatus(
    [property: Id(0)] long Epoch,
    [property: Id(1)] long Batches,
    [property: Id(2)] SourceLeaseState State,
    [property: Id(3)] long PairsSent,
    [property: Id(4)] long PairsSkipped,
    [property: Id(5)] string Silo);
