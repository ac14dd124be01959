namespace Monitro.Matching;

/// <summary>
/// The indexes a matcher is made of, and the policy that merges them: the main index, sealed indexes of watches
/// added since it was built, and the index of the newest watches, rebuilt on each add. Not thread-safe: the
/// matcher calls it under its lock, and builds the indexes a <see cref="MergePlan"/> asks for outside it.
/// </summary>
internal sealed class IndexLevels(int recentCapacity)
{
    // Sealed watches are merged into the main index once they are this many, or an eighth of it: each watch is
    // then re-indexed a bounded number of times on average, while the number of levels a post probes stays small.
    private const int MinimumMergeIntoMain = 1_024;

    // Sealed indexes are merged with each other when there are this many, so a post probes only a few levels.
    private const int MaximumSealed = 4;

    private readonly List<CompiledWatch> _recent = [];
    private readonly List<WatchIndex> _sealed = [];
    private WatchIndex _main = WatchIndex.Empty;
    private WatchIndex _recentIndex = WatchIndex.Empty;
    private int _removed;
    private int _generation;

    /// <summary>Counts a removed or replaced watch; many of them make the main index worth rebuilding.</summary>
    public void CountRemoved() => _removed++;

    /// <summary>Adds a watch to the newest index, sealing that index when it is full.</summary>
    public void Add(CompiledWatch watch)
    {
        _recent.RemoveAll(static w => w.IsRemoved);
        _recent.Add(watch);
        var index = WatchIndex.Build(_recent);
        if (_recent.Count >= recentCapacity)
        {
            _sealed.Add(index);
            _recent.Clear();
            _recentIndex = WatchIndex.Empty;
        }
        else
        {
            _recentIndex = index;
        }
    }

    /// <summary>Replaces every level by one main index of <paramref name="watches"/>; merges planned before are discarded.</summary>
    public void Rebuild(IEnumerable<CompiledWatch> watches)
    {
        _main = WatchIndex.Build(watches);
        _sealed.Clear();
        _recent.Clear();
        _recentIndex = WatchIndex.Empty;
        _removed = 0;
        _generation++;
    }

    /// <summary>Gets the levels as a snapshot to match against.</summary>
    public MatcherSnapshot Snapshot() => new([_main, .. _sealed, _recentIndex]);

    /// <summary>Returns the next merge worth doing, or <see langword="null"/>.</summary>
    public MergePlan? NextMerge()
    {
        var sealedCount = 0;
        foreach (var index in _sealed)
        {
            sealedCount += index.Watches.Length;
        }

        var indexed = _main.Watches.Length + sealedCount;
        var manyRemoved = _removed > Math.Max(recentCapacity, indexed / 8);
        if (manyRemoved || (_sealed.Count > 0 && sealedCount >= Math.Max(MinimumMergeIntoMain, _main.Watches.Length / 8)))
        {
            return new MergePlan(_generation, [_main, .. _sealed], IntoMain: true, _removed);
        }

        return _sealed.Count >= MaximumSealed ? new MergePlan(_generation, [.. _sealed], IntoMain: false, 0) : null;
    }

    /// <summary>Swaps in the index built for <paramref name="plan"/>; false if a rebuild made the plan stale.</summary>
    public bool Complete(MergePlan plan, WatchIndex merged)
    {
        if (plan.Generation != _generation)
        {
            return false;
        }

        // Sealed indexes are only ever appended while a merge runs, so the consumed ones are still the first ones.
        var consumedSealed = plan.IntoMain ? plan.Consumed.Length - 1 : plan.Consumed.Length;
        _sealed.RemoveRange(0, consumedSealed);
        if (plan.IntoMain)
        {
            _main = merged;
            _removed -= plan.RemovedBefore;
        }
        else
        {
            _sealed.Insert(0, merged);
        }

        return true;
    }

    /// <summary>Indexes to merge into one, and whether the result becomes the main index.</summary>
    /// <param name="Generation">The levels' generation when planned.</param>
    /// <param name="Consumed">The indexes replaced by the result (the main index first when merging into it).</param>
    /// <param name="IntoMain">Whether the result replaces the main index.</param>
    /// <param name="RemovedBefore">Removed watches counted when planned; a merge into the main index drops them.</param>
    internal sealed record MergePlan(int Generation, WatchIndex[] Consumed, bool IntoMain, int RemovedBefore)
    {
        /// <summary>Gets the watches of the consumed indexes, in order.</summary>
        public IEnumerable<CompiledWatch> Watches => Consumed.SelectMany(static index => index.Watches);
    }
}
