namespace Monitro.Orleans.Matching;

/// <summary>What a source lease asks before matching: which shards each post may hit.</summary>
internal interface IShardRouter
{
    /// <summary>Gets the registry version the router routes with, -1 before the first load.</summary>
    long Version { get; }

    /// <summary>Gets the number of (post, shard) pairs sent so far.</summary>
    long PairsSent { get; }

    /// <summary>Gets the number of (post, shard) pairs the pre-search skipped so far.</summary>
    long PairsSkipped { get; }

    /// <summary>Brings the router to a registry version.</summary>
    /// <param name="registry">The registry, the truth for watches.</param>
    /// <param name="version">The version the caller read from the registry.</param>
    /// <param name="cancellationToken">A token that cancels the load.</param>
    /// <returns>The tenants that have watches.</returns>
    Task<IReadOnlyCollection<string>> LoadAsync(ITenantWatchRegistry registry, long version, CancellationToken cancellationToken);

    /// <summary>Groups the posts by the shards they may hit; a post that can hit none goes nowhere.</summary>
    /// <param name="posts">The posts.</param>
    /// <param name="cancellationToken">A token that cancels the routing.</param>
    /// <returns>The posts of each shard.</returns>
    Task<Dictionary<int, List<Post>>> RouteAsync(IReadOnlyList<Post> posts, CancellationToken cancellationToken);
}
