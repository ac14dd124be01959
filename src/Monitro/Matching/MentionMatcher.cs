using Monitro.Matching;

namespace Monitro;

/// <summary>
/// Matches posts against watches written in the Monitro query language, indexing watches by their required
/// terms so that a post is only checked against the watches it could match.
/// </summary>
/// <remarks>
/// <para>Thread-safe: any number of threads may call <see cref="Match"/> while watches are added or removed.
/// Matching reads an immutable snapshot; adding a watch rebuilds only small indexes of recent watches, which are merged
/// into larger ones as they fill, and the main index is rebuilt when many watches were removed.</para>
/// <para>Text is folded (NFKC, case, Latin accents, invisible characters) and split into words, hashtags,
/// handles, cashtags, URLs, e-mails, emoji and runs of Chinese, Japanese or Thai text; spans in the results are
/// offsets in the original <see cref="Post.Text"/>.</para>
/// </remarks>
public sealed class MentionMatcher : IMentionMatcher
{
    // Capacities of the levels, largest first; the first is the main index and has no limit. A new watch goes
    // into the last level; a level that outgrows its capacity is merged into the one before it. Each add
    // rebuilds only small indexes, so its cost stays far below a rebuild of the main index.
    private static readonly int[] DefaultCapacities = [int.MaxValue, 16_384, 1_024, 64];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, CompiledWatch> _byName = new(StringComparer.Ordinal);
    private readonly int[] _capacities;
    private readonly List<CompiledWatch>[] _levels;
    private volatile MatcherSnapshot _snapshot;
    private int _removedSinceRebuild;

    /// <summary>Initializes a new instance of the <see cref="MentionMatcher"/> class with no watches.</summary>
    public MentionMatcher()
        : this(DefaultCapacities)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MentionMatcher"/> class with watches.</summary>
    /// <param name="watches">The watches.</param>
    /// <exception cref="ArgumentNullException"><paramref name="watches"/> is <see langword="null"/>.</exception>
    /// <exception cref="QuerySyntaxException">A query is not valid.</exception>
    public MentionMatcher(IEnumerable<Watch> watches)
        : this(DefaultCapacities)
    {
        AddWatches(watches);
    }

    internal MentionMatcher(int[] capacities)
    {
        _capacities = capacities;
        _levels = [.. capacities.Select(_ => new List<CompiledWatch>())];
        _snapshot = new MatcherSnapshot([.. capacities.Select(_ => WatchIndex.Empty)]);
    }

    /// <inheritdoc />
    public IReadOnlyCollection<Watch> Watches
    {
        get
        {
            lock (_gate)
            {
                return [.. _byName.Values.Select(w => w.Watch)];
            }
        }
    }

    /// <inheritdoc />
    public void AddWatch(Watch watch)
    {
        var compiled = CompiledWatch.Compile(watch);
        CompiledWatch? replaced;
        lock (_gate)
        {
            _byName.TryGetValue(compiled.Watch.Name, out replaced);
            _byName[compiled.Watch.Name] = compiled;
            if (replaced is not null)
            {
                _removedSinceRebuild++;
            }

            Insert(compiled);
        }

        replaced?.MarkRemoved();
    }

    /// <summary>Compiles and adds many watches at once, rebuilding the index once.</summary>
    /// <param name="watches">The watches; a later watch replaces an earlier one with the same name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="watches"/> is <see langword="null"/>.</exception>
    /// <exception cref="QuerySyntaxException">A query is not valid; no watch is added then.</exception>
    public void AddWatches(IEnumerable<Watch> watches)
    {
        ArgumentNullException.ThrowIfNull(watches);
        var compiled = watches.Select(CompiledWatch.Compile).ToList();
        var replaced = new List<CompiledWatch>();
        lock (_gate)
        {
            foreach (var watch in compiled)
            {
                if (_byName.TryGetValue(watch.Watch.Name, out var old))
                {
                    replaced.Add(old);
                }

                _byName[watch.Watch.Name] = watch;
            }

            Rebuild();
        }

        // After the new snapshot is published, so a replaced watch never stops matching in between.
        foreach (var old in replaced)
        {
            old.MarkRemoved();
        }
    }

    /// <inheritdoc />
    public bool RemoveWatch(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            if (!_byName.Remove(name, out var removed))
            {
                return false;
            }

            removed.MarkRemoved();
            if (++_removedSinceRebuild > Math.Max(_capacities[^1], _byName.Count / 2))
            {
                Rebuild();
            }

            return true;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Mention> Match(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var snapshot = _snapshot;
        if (snapshot.Count == 0)
        {
            return [];
        }

        var scratch = MatchScratch.Current;
        var context = scratch.Post;
        context.Load(post);
        var candidates = scratch.Candidates;
        candidates.Reset(snapshot.Count);
        snapshot.Collect(context, candidates);
        List<Mention>? mentions = null;
        foreach (var id in candidates.Ids)
        {
            var watch = snapshot[id];
            if (watch.IsRemoved || !scratch.Evaluator.Evaluate(watch.Query.Root, context))
            {
                continue;
            }

            var spans = scratch.Spans;
            spans.Clear();
            scratch.Evaluator.CollectSpans(watch.Query.Root, context, spans);
            (mentions ??= []).Add(new Mention { Post = post, Watch = watch.Watch, Spans = MergeSpans(spans) });
        }

        if (mentions is null)
        {
            return [];
        }

        mentions.Sort(static (a, b) => string.CompareOrdinal(a.Watch.Name, b.Watch.Name));

        // While a watch is being replaced, its old and new versions may both match once; report the name once.
        for (var i = mentions.Count - 1; i > 0; i--)
        {
            if (mentions[i].Watch.Name == mentions[i - 1].Watch.Name)
            {
                mentions.RemoveAt(i);
            }
        }

        return mentions;
    }

    // Sorts spans by start and merges overlapping ones, so highlights never overlap.
    private static MatchSpan[] MergeSpans(List<MatchSpan> spans)
    {
        if (spans.Count == 0)
        {
            return [];
        }

        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<MatchSpan>(spans.Count) { spans[0] };
        for (var i = 1; i < spans.Count; i++)
        {
            var last = merged[^1];
            if (spans[i].Start < last.End)
            {
                merged[^1] = new MatchSpan(last.Start, Math.Max(last.End, spans[i].End) - last.Start);
            }
            else
            {
                merged.Add(spans[i]);
            }
        }

        return [.. merged];
    }

    // Called under the lock: adds a watch to the smallest level, merging full levels into larger ones.
    private void Insert(CompiledWatch watch)
    {
        var levels = (WatchIndex[])_snapshot.Levels.Clone();
        var level = _levels.Length - 1;
        _levels[level].Add(watch);
        while (level > 0 && _levels[level].Count > _capacities[level])
        {
            _levels[level - 1].AddRange(_levels[level]);
            _levels[level].Clear();
            levels[level] = WatchIndex.Empty;
            level--;
        }

        _levels[level].RemoveAll(static w => w.IsRemoved);
        levels[level] = WatchIndex.Build(_levels[level]);
        _snapshot = new MatcherSnapshot(levels);
    }

    // Called under the lock: rebuilds the main index from every live watch and empties the other levels.
    private void Rebuild()
    {
        foreach (var level in _levels)
        {
            level.Clear();
        }

        _levels[0].AddRange(_byName.Values);
        _removedSinceRebuild = 0;
        var levels = _capacities.Select(_ => WatchIndex.Empty).ToArray();
        levels[0] = WatchIndex.Build(_levels[0]);
        _snapshot = new MatcherSnapshot(levels);
    }
}
