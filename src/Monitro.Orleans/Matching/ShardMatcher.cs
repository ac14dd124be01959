using Microsoft.Extensions.Logging;

namespace Monitro.Orleans.Matching;

/// <summary>The watches of one shard, one matcher per tenant so that watch names stay the tenant's own.</summary>
/// <param name="shard">The index of the shard.</param>
/// <param name="shardCount">The number of shards.</param>
/// <param name="logger">Where skipped watches are reported.</param>
internal sealed class ShardMatcher(int shard, int shardCount, ILogger logger) : IWatchFollower
{
    private Dictionary<string, MentionMatcher> _tenants = new(StringComparer.Ordinal);
    private Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Gets the registry version loaded, -1 before the first load.</summary>
    public long Version { get; private set; } = -1;

    /// <summary>Gets the watches of the registry this shard holds.</summary>
    public WatchSlice Slice { get; } = new(shard, shardCount);

    /// <summary>Gets the number of watches the shard holds.</summary>
    public int WatchCount { get; private set; }

    /// <summary>Gets the number of watches compiled so far, by loads and by edits (the work an edit costs here beyond the matcher's newest index).</summary>
    public long WatchesCompiled { get; private set; }

    /// <summary>Keeps the watches of the set that belong to this shard, replacing those held before.</summary>
    public void Load(TenantWatchSet set)
    {
        var tenants = new Dictionary<string, MentionMatcher>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var group in set.Watches.Where(w => Slice.Contains(w.TenantId, w.Watch.Name)).GroupBy(w => w.TenantId, StringComparer.Ordinal))
        {
            var matcher = TenantWatchLoader.Build(group, static w => w.Watch, logger);
            tenants[group.Key] = matcher;
            counts[group.Key] = matcher.Watches.Count;
            count += counts[group.Key];
        }

        _tenants = tenants;
        _counts = counts;
        WatchCount = count;
        WatchesCompiled += count;
        Version = set.Version;
    }

    /// <summary>
    /// Applies one edit of the registry: the tenant's matcher drops the old watch and adds the new one, which rebuilds
    /// only its index of newest watches (the matcher merges that into its main index in the background).
    /// </summary>
    public void Apply(TenantWatchChange change)
    {
        if (Slice.Contains(change.TenantId, change.Name))
        {
            if (_tenants.TryGetValue(change.TenantId, out var matcher) && matcher.RemoveWatch(change.Name))
            {
                Count(change.TenantId, -1);
            }

            if (change.Watch is { } watch)
            {
                Add(change.TenantId, matcher, watch);
            }
        }

        Version = change.Version;
    }

    /// <summary>Takes a newer version that brought no edit of the shard's watches.</summary>
    public void Reach(long version) => Version = Math.Max(Version, version);

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

    // A watch whose query does not compile is logged and left out, as a full load leaves it out.
    private void Add(string tenantId, MentionMatcher? matcher, Watch watch)
    {
        matcher ??= new MentionMatcher();
        try
        {
            matcher.AddWatch(watch);
        }
        catch (QuerySyntaxException exception)
        {
            logger.WatchSkipped(tenantId, watch.Name, exception.Message);
            return;
        }

        _tenants[tenantId] = matcher;
        WatchesCompiled++;
        Count(tenantId, 1);
    }

    // A tenant whose last watch here went is dropped, so posts no longer visit its empty matcher.
    private void Count(string tenantId, int delta)
    {
        WatchCount += delta;
        var count = _counts.GetValueOrDefault(tenantId) + delta;
        if (count > 0)
        {
            _counts[tenantId] = count;
        }
        else
        {
            _counts.Remove(tenantId);
            _tenants.Remove(tenantId);
        }
    }
}
