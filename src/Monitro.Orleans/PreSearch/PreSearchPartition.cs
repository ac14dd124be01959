using System.Runtime.InteropServices;
using Monitro.Matching;
using Monitro.Orleans.Matching;

namespace Monitro.Orleans.PreSearch;

/// <summary>
/// One partition of the sharded pre-search index: for each term whose hash falls on it, the shards holding a watch
/// that requires the term (the keys the single-process index files the watch under, fuzzy keys with their deletion
/// neighbourhood). Partition 0 also keeps the shape of the whole index, which routers ask it for.
/// </summary>
/// <remarks>
/// Each (term, shard) pair is counted by the watches that need it, and the partition remembers which of its terms each
/// watch brought, so an edit of one watch touches only that watch's terms: the old ones taken back, the new ones added.
/// </remarks>
/// <param name="partition">The index of this partition.</param>
/// <param name="partitionCount">The number of partitions.</param>
/// <param name="shardCount">The number of matcher shards.</param>
internal sealed class PreSearchPartition(int partition, int partitionCount, int shardCount) : IWatchFollower
{
    private readonly Dictionary<string, TermShards> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<(string TenantId, string Name), Held> _watches = [];
    private readonly PreSearchShapeBuilder? _shape = partition == 0 ? new PreSearchShapeBuilder() : null;
    private readonly List<IndexKey> _keys = [];
    private readonly HashSet<string> _own = new(StringComparer.Ordinal);
    private PreSearchShape? _built;

    /// <summary>Gets the registry version loaded, -1 before the first load.</summary>
    public long Version { get; private set; } = -1;

    /// <summary>Gets the share of the registry a partition reads: every watch, as a watch's terms fall on any partition.</summary>
    public WatchSlice Slice => WatchSlice.All;

    /// <summary>Gets the number of terms this partition holds.</summary>
    public int TermCount => _terms.Count;

    /// <summary>Gets the number of (term, shard) counts changed so far, by loads and by edits: the work of keeping the terms.</summary>
    public long TermsTouched { get; private set; }

    /// <summary>Gets the shape of the whole index at <see cref="Version"/>.</summary>
    /// <exception cref="InvalidOperationException">This is not partition 0, the one that keeps the shape.</exception>
    public PreSearchShape Shape => _built ??= (_shape ?? throw new InvalidOperationException("Partition 0 keeps the shape of the index.")).Build(Version);

    /// <summary>Keeps the terms of the set's watches that fall on this partition, replacing those held before.</summary>
    /// <remarks>A watch whose query does not compile is left out here silently: its shard logs it when it loads.</remarks>
    public void Load(TenantWatchSet set)
    {
        _terms.Clear();
        _watches.Clear();
        _shape?.Clear();
        foreach (var watch in set.Watches)
        {
            Add(watch.TenantId, watch.Watch);
        }

        Version = set.Version;
        _built = null;
    }

    /// <summary>Applies one edit of the registry: the watch's old terms are taken back and its new ones added.</summary>
    public void Apply(TenantWatchChange change)
    {
        Remove(change.TenantId, change.Name);
        if (change.Watch is { } watch)
        {
            Add(change.TenantId, watch);
        }

        Version = change.Version;
        _built = null;
    }

    /// <summary>Takes a newer version that brought no edit.</summary>
    public void Reach(long version)
    {
        if (version > Version)
        {
            Version = version;
            _built = null;
        }
    }

    /// <summary>Looks up terms; each gets the shards of the watches requiring it, empty when none.</summary>
    public int[][] Lookup(string[] terms)
    {
        var shards = new int[terms.Length][];
        for (var i = 0; i < terms.Length; i++)
        {
            shards[i] = _terms.TryGetValue(terms[i], out var found) ? found.Shards : [];
        }

        return shards;
    }

    private void Add(string tenantId, Watch watch)
    {
        QueryNode root;
        try
        {
            root = QueryCompiler.Compile(watch.Query ?? string.Empty);
        }
        catch (QuerySyntaxException)
        {
            return;
        }

        var shard = WatchSlice.IndexOf(tenantId, watch.Name, shardCount);
        _keys.Clear();
        var always = !QueryCompiler.AppendRequiredKeys(root, _keys);
        if (always)
        {
            _keys.Clear();
        }

        _own.Clear();
        foreach (var key in _keys)
        {
            if (key.Kind == IndexKeyKind.Fuzzy)
            {
                foreach (var variant in WatchIndex.Deletions(key.Key, key.MaxEdits))
                {
                    Own(PreSearchTerm.Of(IndexKeyKind.Fuzzy, variant));
                }
            }
            else
            {
                Own(PreSearchTerm.Of(key.Kind, key.Key));
            }
        }

        string[] terms = [.. _own];
        foreach (var term in terms)
        {
            AddShard(term, shard);
        }

        PreSearchShapeBuilder.Key[]? shape = null;
        if (_shape is not null)
        {
            shape = [.. _keys.Select(PreSearchShapeBuilder.Key.Of)];
            _shape.Count(tenantId, always ? shard : -1, shape, 1);
        }

        // Only what the partition must take back later: its own terms, and on partition 0 the watch's share of the shape.
        if (terms.Length > 0 || shape is not null)
        {
            _watches[(tenantId, watch.Name)] = new Held(shard, terms, shape, always);
        }
    }

    private void Remove(string tenantId, string name)
    {
        if (!_watches.Remove((tenantId, name), out var held))
        {
            return;
        }

        foreach (var term in held.Terms)
        {
            RemoveShard(term, held.Shard);
        }

        _shape?.Count(tenantId, held.Always ? held.Shard : -1, held.Shape, -1);
    }

    private void Own(string term)
    {
        if (PreSearchTerm.PartitionOf(term, partitionCount) == partition)
        {
            _own.Add(term);
        }
    }

    private void AddShard(string term, int shard)
    {
        TermsTouched++;
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_terms, term, out var exists);
        if (!exists)
        {
            entry = new TermShards([shard], [1]);
            return;
        }

        var at = Array.IndexOf(entry.Shards, shard);
        if (at >= 0)
        {
            entry.Counts[at]++;
        }
        else
        {
            // A new array rather than a grown one: arrays handed out by lookups never change under their readers.
            entry = new TermShards([.. entry.Shards, shard], [.. entry.Counts, 1]);
        }
    }

    private void RemoveShard(string term, int shard)
    {
        TermsTouched++;
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_terms, term);
        var at = Array.IndexOf(entry.Shards, shard);
        if (--entry.Counts[at] > 0)
        {
            return;
        }

        if (entry.Shards.Length == 1)
        {
            _terms.Remove(term);
        }
        else
        {
            entry = new TermShards([.. entry.Shards.Where((_, i) => i != at)], [.. entry.Counts.Where((_, i) => i != at)]);
        }
    }

    /// <summary>The shards needing a term, and how many of the partition's watches in each need it.</summary>
    private readonly record struct TermShards(int[] Shards, int[] Counts);

    /// <summary>What a watch brought to the partition: its shard, its terms here, and (partition 0) its share of the shape.</summary>
    private readonly record struct Held(int Shard, string[] Terms, PreSearchShapeBuilder.Key[]? Shape, bool Always);
}
