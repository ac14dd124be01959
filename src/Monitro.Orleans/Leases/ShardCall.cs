namespace Monitro.Orleans.Leases;

/// <summary>Sends posts to one matcher shard: a grain call in a cluster, a direct call in tests.</summary>
internal delegate Task<TenantMention[]> ShardCall(int shard, Post[] posts, long watchVersion, CancellationToken cancellationToken);
