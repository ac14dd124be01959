using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Monitro.Matching;

namespace Monitro;

/// <summary>
/// Matches posts against watches written in the Monitro query language, indexing watches by their required
/// terms so that a post is only checked against the watches it could match.
/// </summary>
/// <remarks>
/// <para>Thread-safe: any number of threads may call <see cref="Match"/> while watches are added or removed.
/// Matching reads an immutable snapshot of indexes: the main index, a few sealed indexes of watches added since it
/// was built, and a small index of the newest watches. Adding a watch rebuilds only that small index; a full one is
/// sealed, and a background task merges sealed indexes with each other and into the main index, so no single add or
/// remove waits for a rebuild of the main index. Removed watches are skipped at once and dropped from the indexes by
/// the next background rebuild.</para>
/// <para>Text is folded (NFKC, case, Latin accents, invisible characters) and split into words, hashtags,
/// handles, cashtags, URLs, e-mails, emoji and runs of Chinese, Japanese or Thai text; spans in the results are
/// offsets in the original <see cref="Post.Text"/>.</para>
/// </remarks>
public sealed partial class MentionMatcher : IMentionMatcher
{
    private const int DefaultRecentCapacity = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, CompiledWatch> _byName = new(StringComparer.Ordinal);
    private readonly IndexLevels _levels;
    private volatile MatcherSnapshot _snapshot;
    private Task? _merge;

    /// <summary>Initializes a new instance of the <see cref="MentionMatcher"/> class with no watches.</summary>
    public MentionMatcher()
        : this(DefaultRecentCapacity)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MentionMatcher"/> class with watches.</summary>
    /// <param name="watches">The watches.</param>
    /// <exception cref="ArgumentNullException"><paramref name="watches"/> is <see langword="null"/>.</exception>
    /// <exception cref="QuerySyntaxException">A query is not valid.</exception>
    public MentionMatcher(IEnumerable<Watch> watches)
        : this(DefaultRecentCapacity)
    {
        AddWatches(watches);
    }

    /// <summary>Initializes a matcher whose index of newest watches is sealed at <paramref name="recentCapacity"/> watches.</summary>
    internal MentionMatcher(int recentCapacity)
    {
        _levels = new IndexLevels(recentCapacity);
        _snapshot = _levels.Snapshot();
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
                _levels.CountRemoved();
            }

            _levels.Add(compiled);
            Publish();
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
        // The watches added together share their folded terms (a brand in many watches is one string).
        var terms = new TermInterner(watches.TryGetNonEnumeratedCount(out var count) ? count * 2 : 0);
        var compiled = watches.Select(watch => CompiledWatch.Compile(watch, terms)).ToList();
        var replaced = new List<CompiledWatch>();
        lock (_gate)
        {
            // Sized once, so the table of names keeps no spare room from doubling (a matcher holds one entry per watch).
            _byName.EnsureCapacity(_byName.Count + compiled.Count);
            foreach (var watch in compiled)
            {
                if (_byName.TryGetValue(watch.Watch.Name, out var old))
                {
                    replaced.Add(old);
                }

                _byName[watch.Watch.Name] = watch;
            }

            _levels.Rebuild(_byName.Values);
            Publish();
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
            _levels.CountRemoved();
            StartMergeIfNeeded();
            return true;
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<Mention> Match(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var snapshot = _snapshot;
        if (snapshot.Count == 0)
        {
            return [];
        }

        var scratch = MatchScratch.Current;
        var found = scratch.Mentions;
        var textFolded = false;
        if (SkipsPostsWithoutAnchors)
        {
            switch (snapshot.Prefilter(post, scratch, DecidesFromAnchorHits, DecidesNearAnchorHits, out textFolded))
            {
                case PrefilterVerdict.Skip:
                    return [];
                case PrefilterVerdict.Decided or PrefilterVerdict.DecidedNearHits:
                    return found.Count == 0 ? [] : TakeSorted(found);
            }
        }

        LoadCandidates(snapshot, post, scratch, textFolded);
        var context = scratch.Post;
        var spans = scratch.Spans;
        found.Clear();
        if (scratch.Candidates.Ids.Count > 1)
        {
            scratch.Candidates.Touched += TouchCandidates(snapshot, scratch.Candidates.Ids);
        }

        // Keyword watches are decided by the occurrences of their words the index found, without evaluation.
        var keywordHits = scratch.Candidates.KeywordHits;
        var decided = DecidesKeywordWatches && keywordHits.Complete && keywordHits.Count > 0;
        if (decided)
        {
            AddKeywordMentions(snapshot, post, scratch);
        }

        foreach (var id in scratch.Candidates.Ids)
        {
            var watch = snapshot[id];
            spans.Clear();
            if (watch.IsRemoved || (decided && keywordHits.Contains(id)) || !scratch.Evaluator.Match(watch.Root, context, spans))
            {
                continue;
            }

            found.Add(new(watch.Name, new Mention { Post = post, Watch = watch.Watch, Spans = MergeSpans(spans) }));
        }

        return found.Count == 0 ? [] : TakeSorted(found);
    }

    // Reads each candidate's watch, its name and its query's root and alternatives in one short loop before any is decided
    // or evaluated. With 100,000 watches these objects lie spread over the heap's megabytes; between two candidates'
    // evaluations the processor cannot look far enough ahead to fetch the next one's early, so each waited for memory in
    // turn, and sorting the mentions read every name again from memory. Touched together, their reads overlap. The sum
    // is returned only so that the reads are kept.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TouchCandidates(MatcherSnapshot snapshot, List<int> ids)
    {
        var sum = 0;
        foreach (var id in CollectionsMarshal.AsSpan(ids))
        {
            var watch = snapshot[id];
            sum += watch.Name.Length;
            if (watch.Root is not OrNode alternatives)
            {
                sum += watch.Root.Position;
                continue;
            }

            foreach (var alternative in alternatives.Children)
            {
                sum += alternative switch
                {
                    WordTerm word => word.Text.Length,
                    PhraseTerm phrase => phrase.Elements.Length,
                    _ => alternative.Position,
                };
            }
        }

        return sum;
    }

    // The mentions of the keyword watches whose words' occurrences the index noted (KeywordHits), one per watch.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddKeywordMentions(MatcherSnapshot snapshot, Post post, MatchScratch scratch)
    {
        var keywordHits = scratch.Candidates.KeywordHits;
        var text = scratch.Post.Analysis.Text;
        var spans = scratch.Spans;
        keywordHits.SortByWatch();
        for (var start = 0; start < keywordHits.Count;)
        {
            var end = keywordHits.RunEnd(start);
            var watch = snapshot[keywordHits.WatchAt(start)];
            if (!watch.IsRemoved)
            {
                spans.Clear();
                keywordHits.AddSpans(start, end, text, spans);
                scratch.Mentions.Add(new(watch.Name, new Mention { Post = post, Watch = watch.Watch, Spans = MergeSpans(spans) }));
            }

            start = end;
        }
    }

    // The mentions found, by watch name, in an array of their own; the scratch list is left empty. The names are kept
    // beside the mentions so that sorting does not reach through each mention to its watch.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Mention[] TakeSorted(List<KeyValuePair<string, Mention>> found)
    {
        var span = CollectionsMarshal.AsSpan(found);
        if (span.Length > 1)
        {
            SmallSort.Sort(span, default(ByName));
        }

        // While a watch is being replaced, its old and new versions may both match once; report the name once.
        var count = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (count == 0 || span[i].Key != span[count - 1].Key)
            {
                span[count++] = span[i];
            }
        }

        var mentions = new Mention[count];
        for (var i = 0; i < count; i++)
        {
            mentions[i] = span[i].Value;
        }

        found.Clear();
        return mentions;
    }

    // Sorts spans by start and merges overlapping ones in place, so highlights never overlap; the only allocation is
    // the array handed out with the mention.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static MatchSpan[] MergeSpans(List<MatchSpan> spans)
    {
        var span = CollectionsMarshal.AsSpan(spans);
        if (span.Length <= 1)
        {
            return span.Length == 0 ? [] : [span[0]];
        }

        SmallSort.Sort(span, default(ByStartLongestFirst));
        var count = 1;
        for (var i = 1; i < span.Length; i++)
        {
            var last = span[count - 1];
            if (span[i].Start < last.End)
            {
                span[count - 1] = new MatchSpan(last.Start, Math.Max(last.End, span[i].End) - last.Start);
            }
            else
            {
                span[count++] = span[i];
            }
        }

        return span[..count].ToArray();
    }

    private readonly struct ByName : IComparer<KeyValuePair<string, Mention>>
    {
        public int Compare(KeyValuePair<string, Mention> x, KeyValuePair<string, Mention> y) => string.CompareOrdinal(x.Key, y.Key);
    }

    private readonly struct ByStartLongestFirst : IComparer<MatchSpan>
    {
        public int Compare(MatchSpan x, MatchSpan y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.Length.CompareTo(x.Length);
    }

    // The index's pre-search, shared by Match and FindCandidates: loads the post into this thread's scratch and fills
    // its candidate list with the ids of the watches whose required terms the post contains; null when the pre-filter
    // shows that the post contains none.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private MatchScratch? CollectCandidates(MatcherSnapshot snapshot, Post post)
    {
        var scratch = MatchScratch.Current;
        var textFolded = false;
        if (SkipsPostsWithoutAnchors && !snapshot.MayMatch(post, scratch, out textFolded))
        {
            return null;
        }

        LoadCandidates(snapshot, post, scratch, textFolded);
        return scratch;
    }

    // Tokenizes the post into the scratch's context and fills its candidate list from the index.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LoadCandidates(MatcherSnapshot snapshot, Post post, MatchScratch scratch, bool textFolded)
    {
        scratch.Post.Load(post, textFolded);
        scratch.Candidates.Reset(snapshot.Count);
        snapshot.Collect(scratch.Post, scratch.Candidates);
    }

    /// <summary>
    /// Gets whether posts that contain no anchor of any watch are skipped before they are tokenized (on by default;
    /// tests turn it off to compare results with and without the pre-filter).
    /// </summary>
    internal bool SkipsPostsWithoutAnchors { get; init; } = true;

    /// <summary>
    /// Gets whether the pre-filter decides keyword watches from the anchors' occurrences in plain posts, without
    /// tokenizing them (on by default; tests turn it off to compare results with and without it).
    /// </summary>
    internal bool DecidesFromAnchorHits { get; init; } = true;

    /// <summary>
    /// Gets whether keyword watches are decided from the occurrences of their words the index found (<see cref="KeywordHits"/>)
    /// rather than evaluated (on by default; tests turn it off to compare results with and without it).
    /// </summary>
    internal bool DecidesKeywordWatches { get; init; } = true;

    /// <summary>
    /// Gets whether, when <see cref="DecidesFromAnchorHits"/>, a post whose anchors are not all plain words is decided by
    /// tokenizing only the stretches of text around them (on by default; tests and benchmarks turn it off to compare).
    /// </summary>
    internal bool DecidesNearAnchorHits { get; init; } = true;

    /// <summary>Returns what the pre-filter makes of the post, deciding it when <see cref="DecidesFromAnchorHits"/> (for tests).</summary>
    internal PrefilterVerdict PrefilterVerdictOf(Post post) => PrefilterVerdictOf(post, out _);

    /// <summary>
    /// Returns what the pre-filter makes of the post and, for a post with anchors it did not decide (or decided only
    /// around its occurrences), why (for tests and benchmarks).
    /// </summary>
    internal PrefilterVerdict PrefilterVerdictOf(Post post, out DecisionObstacle obstacle)
    {
        var scratch = MatchScratch.Current;
        var verdict = _snapshot.Prefilter(post, scratch, DecidesFromAnchorHits, DecidesNearAnchorHits, out _);
        obstacle = scratch.Obstacle;
        scratch.Mentions.Clear();
        return verdict;
    }

    /// <summary>Returns whether the pre-filter lets the post through to tokenizing and the index (for tests).</summary>
    internal bool PassesPrefilter(Post post) => _snapshot.MayMatch(post, MatchScratch.Current, out _);

    /// <summary>Gets the number of indexes a post is looked up in now.</summary>
    internal int LevelCount => _snapshot.Levels.Length;

    /// <summary>Gets the number of watches in the indexes now, removed ones that were not dropped yet included.</summary>
    internal int IndexedCount => _snapshot.Count;

    /// <summary>Waits until the background merges started so far, and any they made necessary, have finished.</summary>
    /// <remarks>Matching is correct at any time; this only lets tests and benchmarks see the merged state.</remarks>
    internal void WaitForMerges()
    {
        while (true)
        {
            Task? merge;
            lock (_gate)
            {
                merge = _merge;
            }

            if (merge is null)
            {
                return;
            }

            merge.GetAwaiter().GetResult();
        }
    }

    // Under the lock: publishes the current levels and hands sealed ones to the background.
    private void Publish()
    {
        _snapshot = _levels.Snapshot();
        StartMergeIfNeeded();
    }

    // Under the lock: starts one background merge at a time, while there is something worth merging.
    private void StartMergeIfNeeded()
    {
        if (_merge is null && _levels.NextMerge() is { } plan)
        {
            _merge = Task.Run(() => Merge(plan));
        }
    }

    // On the thread pool: builds the merged index outside the lock, then swaps it in unless a full rebuild
    // (AddWatches) replaced the levels meanwhile, and goes on while more work has piled up.
    private void Merge(IndexLevels.MergePlan plan)
    {
        while (true)
        {
            WatchIndex merged;
            try
            {
                merged = WatchIndex.Build(plan.Watches.Where(static w => !w.IsRemoved));
            }
            catch
            {
                // The levels stay as they were and keep matching; the next change starts a new merge.
                lock (_gate)
                {
                    _merge = null;
                }

                throw;
            }

            lock (_gate)
            {
                if (_levels.Complete(plan, merged))
                {
                    _snapshot = _levels.Snapshot();
                }

                if (_levels.NextMerge() is not { } next)
                {
                    _merge = null;
                    return;
                }

                plan = next;
            }
        }
    }
}
