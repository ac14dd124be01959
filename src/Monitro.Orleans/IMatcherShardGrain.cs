namespace Monitro.Orleans;

/// <summary>A matcher shard: a share of every tenant's watches (by a hash of tenant and watch name), keyed by its index.</summary>
/// <remarks>Its watches come from the <see cref="ITenantWatchRegistry"/>, so an activation on any silo holds the same ones.</remarks>
public interface IMatcherShardGrain : IGrainWithIntegerKey
{
    /// <summary>Matches posts against the shard's watches, first loading the registry's watches if the shard holds an older version.</summary>
    /// <param name="posts">The posts.</param>
    /// <param name="watchVersion">The registry version the sender routed with.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The mentions found, each with its tenant.</returns>
    Task<TenantMention[]> MatchAsync(Post[] posts, long watchVersion, CancellationToken cancellationToken = default);

    /// <summary>Tells what the shard holds and where it runs.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The status.</returns>
    Task<MatcherShardStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
