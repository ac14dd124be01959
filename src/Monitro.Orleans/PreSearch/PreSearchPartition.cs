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
    private int[]?[]? _single;
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

        // The watch keeps the index's own instance of each term, not the copy just made: one string per term, however
        // many watches need it.
        string[] terms = [.. _own];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = AddShard(terms[i], shard);
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

    // Returns the instance of the term the index keeps.
    private string AddShard(string term, int shard)
    {
        TermsTouched++;
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_terms, term, out var exists);
        if (!exists)
        {
            entry = new TermShards(term, Single(shard), 1, null);
            return term;
        }

        var at = Array.IndexOf(entry.Shards, shard);
        if (at < 0)
        {
            // A new array rather than a grown one: arrays handed out by lookups never change under their readers.
            entry = new TermShards(entry.Term, [.. entry.Shards, shard], 0, [.. entry.Counts ?? [entry.Count], 1]);
        }
        else if (entry.Counts is null)
        {
            entry = entry with { Count = entry.Count + 1 };
        }
        else
        {
            entry.Counts[at]++;
        }

        return entry.Term;
    }

    private void RemoveShard(string term, int shard)
    {
        TermsTouched++;
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_terms, term);
        if (entry.Counts is null)
        {
            if (entry.Count > 1)
            {
                entry = entry with { Count = entry.Count - 1 };
            }
            else
            {
                _terms.Remove(term);
            }

            return;
        }

        var at = Array.IndexOf(entry.Shards, shard);
        if (--entry.Counts[at] > 0)
        {
            return;
        }

        int[] shards = [.. entry.Shards.Where((_, i) => i != at)];
        int[] counts = [.. entry.Counts.Where((_, i) => i != at)];
        entry = shards.Length == 1 ? new TermShards(entry.Term, Single(shards[0]), counts[0], null) : new TermShards(entry.Term, shards, 0, counts);
    }

    // The shards of a term needed in one shard alone: one array per shard, shared by all such terms (never written).
    private int[] Single(int shard) => (_single ??= new int[]?[shardCount])[shard] ??= [shard];

    /// <summary>
    /// The term as the index keeps it and the shards needing it, with how many of the partition's watches in each need
    /// it: <see cref="Count"/> when one shard does (most terms, which then need no array of counts), else <see cref="Counts"/>.
    /// </summary>
    private readonly record struct TermShards(string Term, int[] Shards, int Count, int[]? Counts);

    /// <summary>What a watch brought to the partition: its shard, its terms here, and (partition 0) its share of the shape.</summary>
    private readonly record struct Held(int Shard, string[] Terms, PreSearchShapeBuilder.Key[]? Shape, bool Always);
}
