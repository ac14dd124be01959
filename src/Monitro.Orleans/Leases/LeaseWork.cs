using Monitro.Orleans.Pipeline;

namespace Monitro.Orleans.Leases;

/// <summary>What a lease runner hands its batches to: the preparation, the shards and their replicas, the enrichment and the people.</summary>
/// <param name="Preparer">Normalizes the posts before routing.</param>
/// <param name="Shards">Calls one replica of one shard.</param>
/// <param name="ShardCount">The number of shards.</param>
/// <param name="Replicas">The number of replicas of each shard.</param>
/// <param name="Enrichment">Reads the signals of matched posts and builds each tenant's rows.</param>
/// <param name="People">Records a person's interactions.</param>
internal sealed record LeaseWork(PostPreparer Preparer, ShardCall Shards, int ShardCount, int Replicas, BatchEnrichment Enrichment, PersonCall People);
