using Microsoft.Extensions.Logging;

namespace Monitro.Orleans.Matching;

/// <summary>The watches of one shard, one matcher per tenant so that watch names stay the tenant's own.</summary>
/// <param name="shard">The index of the shard.</param>
/// <param name="shardCount">The number of shards.</param>
/// <param name="logger">Where skipped watches are reported.</param>
internal sealed class ShardMatcher(int shard, int shardCount, ILogger logger)
{
    private Dictionary<string, MentionMatcher> _tenants = new(StringComparer.Ordinal);

    /// <summary>Gets the registry version loaded, -1 before the first load.</summary>
    public long Version { get; private set; } = -1;

    /// <summary>Gets the number of watches the shard holds.</summary>
    public int WatchCount { get; private set; }

    /// <summary>Keeps the watches of the set that belong to this shard, replacing those held before.</summary>
    public void Load(TenantWatchSet set)
    {
        var tenants = new Dictionary<string, MentionMatcher>(StringComparer.Ordinal);
        var count = 0;
        foreach (var group in set.Watches.Where(w => ShardMap.ShardOf(w.TenantId, w.Watch.Name, shardCount) == shard).GroupBy(w => w.TenantId, StringComparer.Ordinal))
        {
            var matcher = TenantWatchLoader.Build(group, static w => w.Watch, logger);
            tenants[group.Key] = matcher;
            count += matcher.Watches.Count;
        }

        _tenants = tenants;
        WatchCount = count;
        Version = set.Version;
    }

    /// <summary>Matches posts against every tenant's watches in the shard.</summary>
    public List<TenantMention> Match(IEnumerable<Post> posts)
    {
        var found = new List<TenantMention>();
        foreach (var post in posts)
        {
            foreach (var (tenantId, matcher) in _tenants)
            {
                foreach (var mention in matcher.Match(post))
                {
                    found.Add(new TenantMention(tenantId, mention));
                }
            }
        }

        return found;
    }
}
