using Microsoft.Extensions.Logging;

namespace Monitro.Orleans.Matching;

/// <summary>
/// Sends each post only to the shards it may hit, from a pre-search index of every watch held in the lease itself
/// (required terms only, no query evaluated): the candidate watches name their shards. The cheapest routing per post,
/// for clusters whose whole watch set fits in each lease (<see cref="MonitroOrleansOptions.PreSearchPartitions"/> 0).
/// </summary>
/// <param name="shardCount">The number of shards.</param>
/// <param name="logger">Where skipped watches are reported.</param>
internal sealed class ShardRouter(int shardCount, ILogger logger) : IShardRouter
{
    // Tenant and watch name in one name, split by a control character no watch name is expected to hold.
    private const char Separator = '\u001f';

    private MentionMatcher _index = new();
    private Dictionary<string, int> _shards = new(StringComparer.Ordinal);

    /// <summary>Gets the registry version loaded, -1 before the first load.</summary>
    public long Version { get; private set; } = -1;

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
            shards[Key(watch)] = ShardMap.ShardOf(watch.TenantId, watch.Watch.Name, shardCount);
        }

        _index = TenantWatchLoader.Build(set.Watches, static w => w.Watch with { Name = Key(w) }, logger);
        _shards = shards;
        Version = set.Version;
    }

    public async Task<IReadOnlyCollection<string>> LoadAsync(ITenantWatchRegistry registry, long version, CancellationToken cancellationToken)
    {
        var set = await registry.GetWatchesAsync(cancellationToken).ConfigureAwait(false);
        Load(set);
        return set.Watches.Select(static w => w.TenantId).ToHashSet(StringComparer.Ordinal);
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

    private static string Key(TenantWatch watch) => string.Concat(watch.TenantId, Separator.ToString(), watch.Watch.Name);
}
