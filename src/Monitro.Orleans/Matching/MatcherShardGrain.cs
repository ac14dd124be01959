using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitro.Orleans.Matching;

/// <summary>
/// A replica of a matcher shard: loads its watches from the registry on activation, and follows the registry's change
/// feed whenever a sender routed with a newer version (loading every watch again only when the feed no longer reaches
/// back to the version it holds).
/// </summary>
internal sealed class MatcherShardGrain(ITenantWatchRegistry registry, IOptions<MonitroOrleansOptions> options, ILogger<MatcherShardGrain> logger)
    : Grain, IMatcherShardGrain
{
    private ShardMatcher? _matcher;

    public async Task<TenantMention[]> MatchAsync(Post[] posts, long watchVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var matcher = await LoadAsync(watchVersion, cancellationToken).ConfigureAwait(true);
        return [.. matcher.Match(posts)];
    }

    public async Task<MatcherShardStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var matcher = await LoadAsync(0, cancellationToken).ConfigureAwait(true);
        return new MatcherShardStatus(matcher.WatchCount, matcher.Version, RuntimeIdentity);
    }

    // The registry is the truth: a shard behind the sender's version catches up to the current one (at least that version).
    private async Task<ShardMatcher> LoadAsync(long watchVersion, CancellationToken cancellationToken)
    {
        // Every replica of a shard holds the same watches; the key says which replica this is.
        var shard = ReplicaMap.ShardOfKey(this.GetPrimaryKeyLong(), options.Value.ShardCount);
        var matcher = _matcher ??= new ShardMatcher(shard, options.Value.ShardCount, logger);
        var from = matcher.Version;
        var (changes, whole) = await WatchFeed.CatchUpAsync(matcher, registry, watchVersion, cancellationToken).ConfigureAwait(true);
        if (whole)
        {
            logger.ShardLoaded(shard, matcher.WatchCount, matcher.Version);
        }
        else if (changes > 0)
        {
            logger.ShardFollowed(shard, changes, from, matcher.Version);
        }

        return matcher;
    }
}
