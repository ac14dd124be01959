using Microsoft.Extensions.Logging;

namespace Monitro.Orleans.Matching;

/// <summary>
/// Sends each post only to the shards it may hit, from a pre-search index of every watch held in the lease itself
/// (required terms only, no query evaluated): the candidate watches name their shards. The cheapest routing per post,
/// for clusters whose whole watch set fits in each lease (<see cref="MonitroOrleansOptions.PreSearchPartitions"/> 0).
/// </summary>
/// <param name="shardCount">The number of shards.</param>
/// <param name="logger">Where skipped watches are reported.</param>
internal sealed class ShardRouter(int shardCount, ILogger logger) : IShardRouter, IWatchFollower
{
    // Tenant and watch name in one name, split by a control character no watch name is expected to hold.
    private const char Separator = '\u001f';

    private MentionMatcher _index = new();
    private Dictionary<string, int> _shards = new(StringComparer.Ordinal);
    private HashSet<string> _tenants = new(StringComparer.Ordinal);

    /// <summary>Gets the registry version loaded, -1 before the first load.</summary>
    public long Version { get; private set; } = -1;

    /// <summary>Gets the share of the registry the router reads: every watch.</summary>
    public WatchSlice Slice => WatchSlice.All;

    /// <summary>Gets the number of (post, shard) pairs sent so far.</summary>
    public long PairsSent { get; private set; }

    /// <summary>Gets the number of (post, shard) pairs the pre-search skipped so far.</summary>
    public long PairsSkipped { get; private set; }

    /// <summary>Indexes the watches of a registry version.</summary>
    public void Load(TenantWatchSet set)
    {
        var shards = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var watch in set.Watches)
        {
            shards[Key(watch)] = WatchSlice.IndexOf(watch.TenantId, watch.Watch.Name, shardCount);
        }

        _index = TenantWatchLoader.Build(set.Watches, static w => w.Watch with { Name = Key(w) }, logger);
        _shards = shards;
        _tenants = set.Watches.Select(static w => w.TenantId).ToHashSet(StringComparer.Ordinal);
        Version = set.Version;
    }

    /// <summary>Applies one edit of the registry to the index: only the index's newest watches are rebuilt.</summary>
    public void Apply(TenantWatchChange change)
    {
        var key = Key(change.TenantId, change.Name);
        _index.RemoveWatch(key);
        _shards.Remove(key);
        if (change.Watch is { } watch)
        {
            try
            {
                _index.AddWatch(watch with { Name = key });
                _shards[key] = WatchSlice.IndexOf(change.TenantId, change.Name, shardCount);
                _tenants.Add(change.TenantId);
            }
            catch (QuerySyntaxException exception)
            {
                logger.WatchSkipped(change.TenantId, change.Name, exception.Message);
            }
        }

        Version = change.Version;
    }

    /// <summary>Takes a newer version that brought no edit.</summary>
    public void Reach(long version) => Version = Math.Max(Version, version);

    public async Task<IReadOnlyCollection<string>> LoadAsync(ITenantWatchRegistry registry, long version, CancellationToken cancellationToken)
    {
        await WatchFeed.CatchUpAsync(this, registry, version, cancellationToken).ConfigureAwait(false);
        return _tenants;
    }

    public Task<Dictionary<int, List<Post>>> RouteAsync(IReadOnlyList<Post> posts, CancellationToken cancellationToken) => Task.FromResult(Route(posts));

    /// <summary>Groups the posts by the shards they may hit; a post that can hit none goes nowhere.</summary>
    public Dictionary<int, List<Post>> Route(IReadOnlyList<Post> posts)
    {
        var routes = new Dictionary<int, List<Post>>();
        var hit = new HashSet<int>();
        foreach (var post in posts)
        {
            hit.Clear();
            foreach (var candidate in _index.FindCandidates(post))
            {
                hit.Add(_shards[candidate.Name]);
            }

            foreach (var shard in hit)
            {
                if (!routes.TryGetValue(shard, out var list))
                {
                    routes[shard] = list = [];
                }

                list.Add(post);
            }

            PairsSent += hit.Count;
            PairsSkipped += shardCount - hit.Count;
        }

        return routes;
    }

    private static string Key(TenantWatch watch) => Key(watch.TenantId, watch.Watch.Name);

    private static string Key(string tenantId, string name) => string.Concat(tenantId, Separator.ToString(), name);
}
