using Monitro.Matching;
using Monitro.Orleans.Matching;

namespace Monitro.Orleans.PreSearch;

/// <summary>
/// Routes posts with the sharded pre-search index, holding only its shape: computes each post's distinct terms once,
/// asks each partition owning some of the batch's terms once (all the batch's terms of that partition in one call),
/// and sends a post to the union of its terms' shards and the shards of watches any post may match.
/// </summary>
/// <param name="shardCount">The number of matcher shards.</param>
/// <param name="partitions">How to reach the partitions.</param>
internal sealed class PreSearchRouter(int shardCount, PreSearchPartitions partitions) : IShardRouter
{
    private PreSearchShape? _shape;

    public long Version { get; private set; } = -1;

    public long PairsSent { get; private set; }

    public long PairsSkipped { get; private set; }

    /// <summary>Gets the number of partition calls made so far.</summary>
    public long PartitionCalls { get; private set; }

    public async Task<IReadOnlyCollection<string>> LoadAsync(ITenantWatchRegistry registry, long version, CancellationToken cancellationToken)
    {
        _shape = await partitions.Shape(version, cancellationToken).ConfigureAwait(false);
        Version = version;
        return _shape.Tenants;
    }

    public async Task<Dictionary<int, List<Post>>> RouteAsync(IReadOnlyList<Post> posts, CancellationToken cancellationToken)
    {
        var shape = _shape ?? throw new InvalidOperationException("The router routes after its first load.");

        // Each distinct term of the batch once, with the posts that hold it by position.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var termsOfPost = new int[posts.Count][];
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using (var context = new PostContext())
        {
            for (var i = 0; i < posts.Count; i++)
            {
                terms.Clear();
                context.Load(posts[i]);
                PostTerms.Collect(context, shape, terms);
                var own = new int[terms.Count];
                var n = 0;
                foreach (var term in terms)
                {
                    if (!ids.TryGetValue(term, out var id))
                    {
                        ids[term] = id = ids.Count;
                    }

                    own[n++] = id;
                }

                termsOfPost[i] = own;
            }
        }

        var shardsOfTerm = await LookupAsync(ids, cancellationToken).ConfigureAwait(false);
        var routes = new Dictionary<int, List<Post>>();
        var hit = new HashSet<int>();
        for (var i = 0; i < posts.Count; i++)
        {
            hit.Clear();
            hit.UnionWith(shape.AlwaysShards);
            foreach (var id in termsOfPost[i])
            {
                hit.UnionWith(shardsOfTerm[id]);
            }

            foreach (var shard in hit)
            {
                if (!routes.TryGetValue(shard, out var list))
                {
                    routes[shard] = list = [];
                }

                list.Add(posts[i]);
            }

            PairsSent += hit.Count;
            PairsSkipped += shardCount - hit.Count;
        }

        return routes;
    }

    // One call per partition owning some of the terms, all at once; the shards of each term by its id.
    private async Task<int[][]> LookupAsync(Dictionary<string, int> ids, CancellationToken cancellationToken)
    {
        var byPartition = new Dictionary<int, (List<string> Terms, List<int> Ids)>();
        foreach (var (term, id) in ids)
        {
            var partition = PreSearchTerm.PartitionOf(term, partitions.Count);
            if (!byPartition.TryGetValue(partition, out var part))
            {
                byPartition[partition] = part = ([], []);
            }

            part.Terms.Add(term);
            part.Ids.Add(id);
        }

        var calls = byPartition.Select(async pair => (pair.Value.Ids, Shards: await partitions.Lookup(pair.Key, [.. pair.Value.Terms], Version, cancellationToken).ConfigureAwait(false))).ToList();
        PartitionCalls += calls.Count;
        var shardsOfTerm = new int[ids.Count][];
        foreach (var (termIds, shards) in await Task.WhenAll(calls).ConfigureAwait(false))
        {
            for (var i = 0; i < termIds.Count; i++)
            {
                shardsOfTerm[termIds[i]] = shards[i];
            }
        }

        return shardsOfTerm;
    }
}
