using Monitro.Matching;
using Monitro.Orleans.Matching;

namespace Monitro.Orleans.PreSearch;

/// <summary>
/// One partition of the sharded pre-search index: for each term whose hash falls on it, the shards holding a watch
/// that requires the term (the keys the single-process index files the watch under, fuzzy keys with their deletion
/// neighbourhood). It also computes the shape of the whole index, which every partition computes alike.
/// </summary>
/// <param name="partition">The index of this partition.</param>
/// <param name="partitionCount">The number of partitions.</param>
/// <param name="shardCount">The number of matcher shards.</param>
internal sealed class PreSearchPartition(int partition, int partitionCount, int shardCount)
{
    private Dictionary<string, int[]> _terms = new(StringComparer.Ordinal);

    /// <summary>Gets the registry version loaded, -1 before the first load.</summary>
    public long Version { get; private set; } = -1;

    /// <summary>Gets the number of terms this partition holds.</summary>
    public int TermCount => _terms.Count;

    /// <summary>Gets the shape of the whole index at <see cref="Version"/>.</summary>
    public PreSearchShape Shape { get; private set; } = new PreSearchShapeBuilder().Build(-1);

    /// <summary>Keeps the terms of the set's watches that fall on this partition, replacing those held before.</summary>
    /// <remarks>A watch whose query does not compile is left out here silently: its shard logs it when it loads.</remarks>
    public void Load(TenantWatchSet set)
    {
        var terms = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var shape = new PreSearchShapeBuilder();
        var keys = new List<IndexKey>();
        foreach (var watch in set.Watches)
        {
            QueryNode root;
            try
            {
                root = QueryCompiler.Compile(watch.Watch.Query ?? string.Empty);
            }
            catch (QuerySyntaxException)
            {
                continue;
            }

            var shard = ShardMap.ShardOf(watch.TenantId, watch.Watch.Name, shardCount);
            shape.AddTenant(watch.TenantId);
            keys.Clear();
            if (!QueryCompiler.AppendRequiredKeys(root, keys))
            {
                shape.AddAlways(shard);
                continue;
            }

            foreach (var key in keys)
            {
                shape.Add(key);
                if (key.Kind == IndexKeyKind.Fuzzy)
                {
                    foreach (var variant in WatchIndex.Deletions(key.Key, key.MaxEdits))
                    {
                        Add(terms, PreSearchTerm.Of(IndexKeyKind.Fuzzy, variant), shard);
                    }
                }
                else
                {
                    Add(terms, PreSearchTerm.Of(key.Kind, key.Key), shard);
                }
            }
        }

        var frozen = new Dictionary<string, int[]>(terms.Count, StringComparer.Ordinal);
        foreach (var (term, shards) in terms)
        {
            frozen[term] = [.. shards];
        }

        _terms = frozen;
        Shape = shape.Build(set.Version);
        Version = set.Version;
    }

    /// <summary>Looks up terms; each gets the shards of the watches requiring it, empty when none.</summary>
    public int[][] Lookup(string[] terms)
    {
        var shards = new int[terms.Length][];
        for (var i = 0; i < terms.Length; i++)
        {
            shards[i] = _terms.TryGetValue(terms[i], out var found) ? found : [];
        }

        return shards;
    }

    private void Add(Dictionary<string, List<int>> terms, string term, int shard)
    {
        if (PreSearchTerm.PartitionOf(term, partitionCount) != partition)
        {
            return;
        }

        if (!terms.TryGetValue(term, out var shards))
        {
            terms[term] = shards = new List<int>(1);
        }

        // Keys of one watch come together, so a repeated shard is usually the last one added.
        if (!shards.Contains(shard))
        {
            shards.Add(shard);
        }
    }
}
