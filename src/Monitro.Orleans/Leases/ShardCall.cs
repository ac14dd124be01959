namespace Monitro.Orleans.Leases;

/// <summary>Sends posts to one replica of one matcher shard: a grain call in a cluster, a direct call in tests.</summary>
internal delegate Task<TenantMention[]> ShardCall(int shard, int replica, Post[] posts, long watchVersion, CancellationToken cancellationToken);
