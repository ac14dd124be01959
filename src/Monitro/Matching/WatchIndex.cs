using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// An immutable index of compiled watches by their required keys: per kind a dictionary from key to watches,
/// Aho-Corasick automata for unspaced-script substrings and exact literals, a sorted prefix table, a deletion
/// neighbourhood for fuzzy keys, and an Aho-Corasick automaton of every key with a literal (its anchors). The
/// anchors' automaton serves twice: its first patterns are the words that also match inside a hashtag or handle
/// (<c>acme</c> in <c>#acmeanvil</c>), reported in one pass over the entity; and before a post is analyzed, one pass
/// over its text tells whether it contains any key at all (<see cref="ContainsAnchor"/>).
/// </summary>
/// <remarks>Safe to share between threads. Candidates it returns are verified by <see cref="QueryEvaluator"/>.</remarks>
internal sealed class WatchIndex
{
    private const int DirectKinds = (int)IndexKeyKind.Author + 1;

    // The dictionary a token of each kind is looked up in, by TokenKind; -1 for kinds with no dictionary of their
    // own (runs of unspaced script go through an automaton, hosts are covered by their URL and domain).
    internal static readonly int[] DirectKindOf = BuildDirectKinds();

    private readonly PostingTable[] _direct;
    private readonly bool[] _hasDirect;
    private readonly AhoCorasick? _substrings;
    private readonly PostingTable _substringPostings;
    private readonly AhoCorasick? _exact;
    private readonly PostingTable _exactPostings;
    private readonly PrefixTable _prefixes;
    private readonly PostingTable _fuzzy;
    private readonly int _fuzzyMaxEdits;
    private readonly int _fuzzyLongestMatch;
    /// <summary>
    /// The number of words matched inside hashtags and handles from which an index looks them up between the entity's
    /// word boundaries instead of scanning each entity with the anchors' automaton.
    /// </summary>
    /// <remarks>
    /// A small automaton is a few cache lines deep and its scan costs next to nothing; with 100,000 watches it holds
    /// millions of states, its deeper states are edge lists spread over megabytes, and the scan of a hashtag missed the
    /// cache at nearly every character (a fifth of a post's matching). The boundaries are where a word inside an entity
    /// must start and end anyway (<see cref="EntityWordMatcher"/>), so the look-ups between them find exactly the words
    /// that can match, with a few hash probes per entity.
    /// </remarks>
    public const int BoundaryLookupMinimumWords = 32_768;

    // Beyond this many boundaries in one entity (a hostile hashtag of thousands of parts), the automaton's linear scan
    // is used, so the look-ups between pairs of boundaries never grow with the square of an entity's length.
    private const int MaxBoundariesLookedUp = 16;

    /// <summary>
    /// The number of anchors from which a post that has some costs less tokenized and looked up in the index than
    /// decided from the anchor scan's occurrences (<see cref="LookUpsCostLess"/>).
    /// </summary>
    /// <remarks>
    /// Measured on the keyword sets of the benchmarks: at 10,000 watches (23,285 anchors) a decided post costs a fraction
    /// of the full path; at 100,000 (135,320 anchors, 483,740 states) the automaton's walks at the positions the window
    /// filter lets through miss the cache at nearly every character, every occurrence inside a longer word triggers its
    /// watches, and deciding cost 1.3 to 1.5 times the full path (benchmarks/README.md). The break-even lies between
    /// them; this is a power of two between them.
    /// </remarks>
    public const int LookUpMinimumAnchors = 65_536;

    private readonly AhoCorasick? _anchors;
    private readonly WordHitDecider? _decider;
    private readonly PostingTable _entityWordPostings;
    private readonly bool _entityWordsByBoundaries;
    private readonly int _longestEntityWord;

    // Whether a table the post's tokens are looked up in keeps records (PostingTable.InlineMinimumKeys): its slots and
    // records are then touched for all tokens before the look-ups (TouchLookUps).
    private readonly bool _touchesLookUps;

    // A bit per watch, set for keyword watches (KeywordHits.IsKeywordWatch); null when there is none.
    private readonly ulong[]? _keywordWatches;

    private WatchIndex(CompiledWatch[] watches, bool? entityWordsByBoundaries = null, int lookUpMinimumAnchors = LookUpMinimumAnchors)
    {
        Watches = watches;

        // Most watches have a word or two: room for them up front saves the tables' first rounds of growth.
        var direct = new PostingTable[DirectKinds];
        for (var k = 0; k < DirectKinds; k++)
        {
            direct[k] = new PostingTable(k == (int)IndexKeyKind.Word ? watches.Length * 2 : 0);
        }

        var substrings = new PostingTable();
        var exact = new PostingTable();
        var prefixes = new PostingTable();
        var fuzzy = new PostingTable();
        var entityWords = new PostingTable(watches.Length);
        var keys = new List<IndexKey>();
        var anchors = new List<string>(watches.Length * 3);
        var anchorPatterns = new List<int>(watches.Length * 3);
        var anchorStarts = new int[watches.Length + 1];
        var decidedShapes = new bool[watches.Length];
        var keywordWatches = new ulong[(watches.Length + 63) / 64];
        var anyKeywordWatch = false;
        for (var id = 0; id < watches.Length; id++)
        {
            if (KeywordHits.IsKeywordWatch(watches[id].Root))
            {
                keywordWatches[id >> 6] |= 1UL << id;
                anyKeywordWatch = true;
            }

            keys.Clear();
            QueryCompiler.AppendRequiredKeys(watches[id].Root, keys);
            anchorStarts[id] = anchors.Count;
            decidedShapes[id] = WordHitDecider.IsDecidedShape(watches[id].Root);
            foreach (var key in keys)
            {
                var entityWord = -1;
                switch (key.Kind)
                {
                    case < IndexKeyKind.Substring:
                        direct[(int)key.Kind].Add(key.Key, id);
                        break;
                    case IndexKeyKind.Substring:
                        substrings.Add(key.Key, id);
                        break;
                    case IndexKeyKind.EntitySubstring:
                        entityWord = entityWords.Add(key.Key, id);
                        break;
                    case IndexKeyKind.Exact:
                        exact.Add(key.Key, id);
                        break;
                    case IndexKeyKind.Prefix:
                        prefixes.Add(key.Key, id);
                        break;
                    default:
                        _fuzzyMaxEdits = Math.Max(_fuzzyMaxEdits, key.MaxEdits);
                        _fuzzyLongestMatch = Math.Max(_fuzzyLongestMatch, key.Key.Length + key.MaxEdits);
                        foreach (var variant in Deletions(key.Key, key.MaxEdits))
                        {
                            fuzzy.Add(variant, id);
                        }

                        break;
                }

                AddAnchor(key, entityWord, anchors, anchorPatterns, anchorStarts[id]);
            }
        }

        anchorStarts[watches.Length] = anchors.Count;
        var otherAnchors = NumberOtherAnchors(entityWords, anchors, anchorPatterns);

        _keywordWatches = anyKeywordWatch ? keywordWatches : null;
        _direct = direct;
        _hasDirect = new bool[DirectKinds];
        for (var k = 0; k < DirectKinds; k++)
        {
            _hasDirect[k] = direct[k].Freeze().Count > 0;
        }

        for (var k = 0; k < DirectKinds; k++)
        {
            _touchesLookUps |= direct[k].HasRecords;
        }

        _substringPostings = substrings.Freeze();
        _substrings = substrings.Count > 0 ? new AhoCorasick(substrings.Keys) : null;
        _exactPostings = exact.Freeze();
        _exact = exact.Count > 0 ? new AhoCorasick(exact.Keys) : null;
        _prefixes = new PrefixTable(prefixes.Freeze());
        _fuzzy = fuzzy.Freeze();
        _entityWordPostings = entityWords.Freeze();
        var patterns = new string[_entityWordPostings.Count + otherAnchors.Count];
        var entityWordKeys = _entityWordPostings.Keys;
        for (var p = 0; p < entityWordKeys.Count; p++)
        {
            patterns[p] = entityWordKeys[p];
        }

        otherAnchors.CopyTo(patterns, entityWordKeys.Count);
        _anchors = BuildAnchors(patterns);

        // Only when every key has an anchor (a fuzzy one has none), so each watch's keys have their anchors in order.
        _decider = FiltersByAnchors && _anchors is not null
            ? WordHitDecider.TryBuild(watches, patterns, anchorStarts, CollectionsMarshal.AsSpan(anchorPatterns), decidedShapes)
            : null;
        LookUpsCostLess = patterns.Length >= lookUpMinimumAnchors;
        _entityWordsByBoundaries = entityWordsByBoundaries ?? _entityWordPostings.Count >= BoundaryLookupMinimumWords;
        foreach (var word in _entityWordPostings.Keys)
        {
            _longestEntityWord = Math.Max(_longestEntityWord, word.Length);
        }
    }

    /// <summary>Gets an index with no watches.</summary>
    public static WatchIndex Empty { get; } = new([]);

    /// <summary>Gets the indexed watches; candidate ids are positions in this array.</summary>
    public CompiledWatch[] Watches { get; }

    /// <summary>
    /// Gets whether a post can have candidates here only if one of its texts contains an anchor (<see cref="ContainsAnchor"/>):
    /// false when some key has no literal (a fuzzy term), true for an empty index.
    /// </summary>
    public bool FiltersByAnchors { get; private set; } = true;

    /// <summary>Gets whether some key (<c>site:</c>, <c>url:</c>, a URL) can be found in a link that is not in the text.</summary>
    public bool AnchorsInLinks { get; private set; }

    /// <summary>Gets whether some key (<c>author:</c>) is looked for in the author's handle.</summary>
    public bool AnchorsInAuthor { get; private set; }

    /// <summary>Gets whether every anchor is made of ASCII characters only.</summary>
    public bool AsciiAnchorsOnly { get; private set; } = true;

    /// <summary>
    /// Returns whether <paramref name="text"/> contains an anchor: a key, or for an emoji its first character. Every key of
    /// a post is a slice of its folded text, of a lower-cased link or of the folded author handle (an emoji key without its
    /// skin tone or VS16 keeps the cluster's other characters in order), so a post none of whose texts contains an anchor
    /// has no candidate here.
    /// </summary>
    /// <param name="text">The folded text, or a text whose ASCII characters fold as they are read (see <see cref="MatcherSnapshot"/>).</param>
    /// <param name="lowerAscii">Whether to read ASCII capitals as small letters, which is how ASCII text folds.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ContainsAnchor(ReadOnlySpan<char> text, bool lowerAscii) =>
        _anchors is not null && _anchors.ContainsAny(text, lowerAscii);

    /// <summary>
    /// Gets whether a post with anchors here costs less on the full path (tokenized, looked up, its candidates
    /// evaluated or decided by <see cref="KeywordHits"/>) than decided from the anchor scan's occurrences: the index has
    /// <see cref="LookUpMinimumAnchors"/> anchors or more. The pre-filter then decides no post from its occurrences.
    /// </summary>
    public bool LookUpsCostLess { get; }

    /// <summary>
    /// Gets whether a text's candidates can be decided from the anchors' occurrences (<see cref="TryDecide"/>): every
    /// watch is of a shape the decider takes or has anchors an occurrence of which sends the post to the full path, and
    /// no key lacks a literal.
    /// </summary>
    public bool DecidesFromHits => _decider is not null || _anchors is null;

    /// <summary>
    /// Decides the watches of a text from the anchors' occurrences in it (<see cref="WordHitDecider.TryDecide"/>);
    /// <see cref="PrefilterVerdict.Skip"/> when the text has none, <see cref="PrefilterVerdict.Pass"/> when the post
    /// needs the full path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PrefilterVerdict TryDecide(string text, bool ascii, ref bool textFolded, bool aroundHits, Post post, int offset, MatchScratch scratch)
    {
        if (_anchors is null)
        {
            return PrefilterVerdict.Skip;
        }

        if (_decider is null)
        {
            scratch.Obstacle = DecisionObstacle.NoDecider;
            return PrefilterVerdict.Pass;
        }

        return _decider.TryDecide(_anchors, text, ascii, ref textFolded, aroundHits, post, offset, scratch);
    }

    /// <summary>
    /// Returns the literal a post must contain for the key to be found in it: the key, or for an emoji its first
    /// character (the key may be derived, with skin tones and VS16 dropped, but it starts with a character of the
    /// cluster); <see langword="null"/> for a key without one (a fuzzy word, an empty key).
    /// </summary>
    public static string? AnchorOf(in IndexKey key) => key switch
    {
        { Kind: IndexKeyKind.Fuzzy } or { Key.Length: 0 } => null,
        { Kind: IndexKeyKind.Emoji } => key.Key[..(char.IsHighSurrogate(key.Key[0]) && key.Key.Length > 1 ? 2 : 1)],
        _ => key.Key,
    };

    /// <summary>Builds an index of the given watches.</summary>
    public static WatchIndex Build(IEnumerable<CompiledWatch> watches) => new([.. watches]);

    /// <summary>Builds an index that finds words inside hashtags and handles by boundary look-ups or by the automaton, as asked (for tests).</summary>
    internal static WatchIndex Build(IEnumerable<CompiledWatch> watches, bool entityWordsByBoundaries) => new([.. watches], entityWordsByBoundaries);

    /// <summary>Builds an index whose posts with anchors cost less looked up from <paramref name="lookUpMinimumAnchors"/> anchors on (for tests).</summary>
    internal static WatchIndex Build(IEnumerable<CompiledWatch> watches, int lookUpMinimumAnchors) => new([.. watches], lookUpMinimumAnchors: lookUpMinimumAnchors);

    /// <summary>Adds the ids (plus <paramref name="offset"/>) of every watch the post has a key of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Collect(PostContext post, CandidateSet candidates, int offset)
    {
        if (Watches.Length == 0)
        {
            return;
        }

        if (_touchesLookUps)
        {
            candidates.Touched += TouchLookUps(post);
        }

        var analysis = post.Analysis;
        var substringScan = new ScanState(candidates, _substringPostings, offset);
        var entityScan = new ScanState(candidates, _entityWordPostings, offset);
        var tokens = analysis.Tokens;
        for (var t = 0; t < tokens.Length; t++)
        {
            ref readonly var token = ref tokens[t];
            var key = analysis.Key(token);
            var kind = DirectKindOf[(int)token.Kind];
            if (kind >= 0 && _hasDirect[kind] && _direct[kind].TryGetValue(key, post.Terms.KeyHash(t), out var postings))
            {
                // The post's term table hashed every key already.
                candidates.AddAll(postings, offset);
                if (token.Kind == TokenKind.Word && _keywordWatches is not null)
                {
                    AddKeywordHits(postings, candidates.KeywordHits, offset, Hit.Of(token), token.KeyStart, token.KeyLength);
                }
            }

            if (token.Kind == TokenKind.Word)
            {
                if (_prefixes.Count > 0)
                {
                    _prefixes.Collect(key, candidates, offset);
                }

                if (_fuzzyMaxEdits > 0)
                {
                    ProbeDeletions(key, _fuzzyMaxEdits, candidates, offset);
                }
            }
            else if (token.Kind is TokenKind.Hashtag or TokenKind.Mention)
            {
                // The whole entity, so that a word across parts (iPhone in #NewiPhoneFund) is found too.
                if (_entityWordPostings.Count > 0 && !(_entityWordsByBoundaries && LookUpEntityWords(post, t, candidates, offset)))
                {
                    _anchors!.Scan(key, ref entityScan, AddEntityPattern);
                    if (_keywordWatches is not null)
                    {
                        // The automaton reports words off the entity's word boundaries too: evaluation decides.
                        candidates.KeywordHits.MarkIncomplete();
                    }
                }
            }
            else if (token.Kind == TokenKind.Run)
            {
                _substrings?.Scan(key, ref substringScan, AddPattern);
            }
        }

        if (_hasDirect[(int)IndexKeyKind.Author])
        {
            Probe(IndexKeyKind.Author, post.AuthorHandle, candidates, offset);
            Probe(IndexKeyKind.Author, post.AuthorLocalPart, candidates, offset);
        }

        if (_exact is not null)
        {
            var exactScan = new ScanState(candidates, _exactPostings, offset);
            _exact.Scan(analysis.Text.Folded, ref exactScan, AddPattern);
        }
    }

    // Touches the slots and records of the post's look-ups in the tables that keep records before any look-up is made,
    // so that their reads from memory overlap instead of each waiting for the one before (PostingTable.Touch).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TouchLookUps(PostContext post)
    {
        var tokens = post.Analysis.Tokens;
        var terms = post.Terms;
        var sum = 0;
        for (var t = 0; t < tokens.Length; t++)
        {
            var kind = DirectKindOf[(int)tokens[t].Kind];
            if (kind >= 0 && _direct[kind].HasRecords)
            {
                sum += _direct[kind].Touch(terms.KeyHash(t));
            }
        }

        return sum;
    }

    // Looks up the stretches of a hashtag or handle that start and end on its word boundaries (a part's edges, or a
    // boundary between the words of a part of letters) and are not one whole part: the only places where a word
    // inside the entity can match. False, having looked up nothing, for an entity with too many boundaries.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool LookUpEntityWords(PostContext post, int entity, CandidateSet candidates, int offset)
    {
        var analysis = post.Analysis;
        var tokens = analysis.Tokens;
        var first = entity + 1;
        var last = first;
        var boundaries = 0;
        while (last < tokens.Length && tokens[last].IsEntityPart)
        {
            boundaries += 2 + post.Segmentations.Of(analysis, last).Length;
            if (boundaries > MaxBoundariesLookedUp)
            {
                return false;
            }

            last++;
        }

        for (var startPart = first; startPart < last; startPart++)
        {
            var partStart = tokens[startPart].KeyStart;
            var startInner = post.Segmentations.Of(analysis, startPart);
            for (var s = -1; s < startInner.Length; s++)
            {
                var start = partStart + (s < 0 ? 0 : startInner[s]);
                for (var endPart = startPart; endPart < last; endPart++)
                {
                    ref readonly var part = ref tokens[endPart];
                    var endInner = post.Segmentations.Of(analysis, endPart);
                    for (var e = 0; e <= endInner.Length; e++)
                    {
                        var end = part.KeyStart + (e < endInner.Length ? endInner[e] : part.KeyLength);
                        if (end - start < WordTerm.MinSubstringLength || (s < 0 && e == endInner.Length && endPart == startPart))
                        {
                            continue; // Too short to be looked for inside an entity, or a whole part (a word token of its own).
                        }

                        if (end - start > _longestEntityWord)
                        {
                            break;
                        }

                        if (_entityWordPostings.TryGetValue(analysis.Text.Slice(start, end - start), out var postings))
                        {
                            candidates.AddAll(postings, offset);
                            if (_keywordWatches is not null)
                            {
                                // As EntityWordMatcher reports it: from the first part the word touches to the last.
                                ref readonly var from = ref tokens[startPart];
                                var hit = new Hit(from.Position, part.LastPosition, from.OriginalStart, part.OriginalStart + part.OriginalLength);
                                AddKeywordHits(postings, candidates.KeywordHits, offset, hit, start, end - start);
                            }
                        }
                    }
                }
            }
        }

        return true;
    }

    // Notes the occurrence for each keyword watch among the postings.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddKeywordHits(ReadOnlySpan<int> postings, KeywordHits hits, int offset, in Hit hit, int keyStart, int keyLength)
    {
        var keywordWatches = _keywordWatches!;
        foreach (var id in postings)
        {
            if ((keywordWatches[id >> 6] & (1UL << id)) != 0)
            {
                hits.Add(id + offset, hit, keyStart, keyLength);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Probe(IndexKeyKind kind, ReadOnlySpan<char> key, CandidateSet candidates, int offset)
    {
        if (_hasDirect[(int)kind] && _direct[(int)kind].TryGetValue(key, out var postings))
        {
            candidates.AddAll(postings, offset);
        }
    }

    // Probes the word and every string reachable from it by up to maxEdits deletions.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProbeDeletions(ReadOnlySpan<char> word, int maxEdits, CandidateSet candidates, int offset)
    {
        if (_fuzzy.TryGetValue(word, out var postings))
        {
            candidates.AddAll(postings, offset);
        }

        // A word longer than every fuzzy key plus its edits cannot be within reach of any.
        if (maxEdits == 0 || word.Length <= 1 || word.Length > _fuzzyLongestMatch)
        {
            return;
        }

        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length - 1] : new char[word.Length - 1];
        for (var skip = 0; skip < word.Length; skip++)
        {
            if (skip > 0 && word[skip] == word[skip - 1])
            {
                continue; // Deleting either of two equal neighbours gives the same string.
            }

            word[..skip].CopyTo(buffer);
            word[(skip + 1)..].CopyTo(buffer[skip..]);
            ProbeDeletions(buffer, maxEdits - 1, candidates, offset);
        }
    }

    /// <summary>Returns the key and every string reachable from it by up to <paramref name="maxEdits"/> deletions.</summary>
    public static HashSet<string> Deletions(string key, int maxEdits)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { key };
        var frontier = new List<string> { key };
        for (var edit = 0; edit < maxEdits; edit++)
        {
            var next = new List<string>();
            foreach (var word in frontier)
            {
                for (var skip = 0; skip < word.Length && word.Length > 1; skip++)
                {
                    var shorter = string.Concat(word.AsSpan(0, skip), word.AsSpan(skip + 1));
                    if (result.Add(shorter))
                    {
                        next.Add(shorter);
                    }
                }
            }

            frontier = next;
        }

        return result;
    }

    private static int[] BuildDirectKinds()
    {
        var kinds = new int[Enum.GetValues<TokenKind>().Length];
        Array.Fill(kinds, -1);
        kinds[(int)TokenKind.Word] = (int)IndexKeyKind.Word;
        kinds[(int)TokenKind.Hashtag] = (int)IndexKeyKind.Hashtag;
        kinds[(int)TokenKind.Mention] = (int)IndexKeyKind.Mention;
        kinds[(int)TokenKind.Cashtag] = (int)IndexKeyKind.Cashtag;
        kinds[(int)TokenKind.Emoji] = (int)IndexKeyKind.Emoji;
        kinds[(int)TokenKind.Url] = (int)IndexKeyKind.Url;
        kinds[(int)TokenKind.Email] = (int)IndexKeyKind.Email;
        kinds[(int)TokenKind.Domain] = (int)IndexKeyKind.Domain;
        return kinds;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPattern(ref ScanState state, int pattern) => state.Candidates.AddAll(state.Postings[pattern], state.Offset);

    // The anchors' automaton numbers the entity words first; the anchors after them have no entity postings.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddEntityPattern(ref ScanState state, int pattern)
    {
        if (pattern < state.Postings.Count)
        {
            AddPattern(ref state, pattern);
        }
    }

    // The anchors' automaton numbers its patterns: the entity words first, by their slots in the entity words' table,
    // then every other anchor once, in the order the watches name them. An anchor's number is known as it is added
    // when it is an entity word (entityWord, its slot; else -1), and found by NumberOtherAnchors for the rest.

    // Notes the literal a post must contain for the key to be found in it (AnchorOf), and where it is looked for. A word
    // that also matches inside hashtags is a word key and an entity word key of the same text, one after the other:
    // one anchor, with the entity word's number.
    private void AddAnchor(IndexKey key, int entityWord, List<string> anchors, List<int> numbers, int watchStart)
    {
        if (AnchorOf(key) is not { } anchor)
        {
            FiltersByAnchors = false;
            return;
        }

        AnchorsInLinks |= key.Kind is IndexKeyKind.Url or IndexKeyKind.Domain;
        AnchorsInAuthor |= key.Kind == IndexKeyKind.Author;
        if (anchors.Count > watchStart && string.Equals(anchors[^1], anchor, StringComparison.Ordinal))
        {
            numbers[^1] = Math.Max(numbers[^1], entityWord);
            return;
        }

        anchors.Add(anchor);
        numbers.Add(entityWord);
    }

    // Numbers the anchors that were not numbered as entity words when added: an entity word's slot if some other watch
    // made them one, else the next number after the entity words, once per text. Returns those others, by number.
    private static List<string> NumberOtherAnchors(PostingTable entityWords, List<string> anchors, List<int> numbers)
    {
        var others = new List<string>();
        Dictionary<string, int>? otherNumbers = null;
        for (var a = 0; a < anchors.Count; a++)
        {
            if (numbers[a] >= 0)
            {
                continue;
            }

            var slot = entityWords.SlotOf(anchors[a]);
            if (slot < 0)
            {
                otherNumbers ??= new Dictionary<string, int>(StringComparer.Ordinal);
                ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(otherNumbers, anchors[a], out var exists);
                if (!exists)
                {
                    number = entityWords.Count + others.Count;
                    others.Add(anchors[a]);
                }

                slot = number;
            }

            numbers[a] = slot;
        }

        return others;
    }

    // The automaton of every anchor (patterns: the entity words, then the other anchors).
    private AhoCorasick? BuildAnchors(string[] patterns)
    {
        foreach (var pattern in patterns)
        {
            AsciiAnchorsOnly &= System.Text.Ascii.IsValid(pattern);
        }

        return patterns.Length > 0 ? new AhoCorasick(patterns, windowFilter: true) : null;
    }

    private struct ScanState(CandidateSet candidates, PostingTable postings, int offset)
    {
        public readonly CandidateSet Candidates = candidates;
        public readonly PostingTable Postings = postings;
        public readonly int Offset = offset;
    }
}
