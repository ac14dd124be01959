using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// An immutable index of compiled watches by their required keys: per kind a dictionary from key to watches,
/// Aho-Corasick automata for unspaced-script substrings and exact literals, a prefix table, a deletion
/// neighbourhood for fuzzy keys, and a table of words probed with every window of a hashtag or handle part.
/// </summary>
/// <remarks>
/// Words inside hashtag and handle parts are found by probing each window of 4 to N characters of the part
/// (N being the longest such word indexed), which is linear in the part's length. An Aho-Corasick automaton over
/// every indexed word would do the same in one pass, but over 100,000 watches it took about a second to build and
/// tens of megabytes, for parts that are short and rare in posts.
/// </remarks>
/// <remarks>Safe to share between threads. Candidates it returns are verified by <see cref="QueryEvaluator"/>.</remarks>
internal sealed class WatchIndex
{
    private const int DirectKinds = (int)IndexKeyKind.Author + 1;

    private readonly PostingTable[] _direct;
    private readonly bool[] _hasDirect;
    private readonly AhoCorasick? _substrings;
    private readonly PostingTable _substringPostings;
    private readonly AhoCorasick? _exact;
    private readonly PostingTable _exactPostings;
    private readonly PostingTable _prefixes;
    private readonly int[] _prefixLengths;
    private readonly PostingTable _fuzzy;
    private readonly int _fuzzyMaxEdits;
    private readonly int _fuzzyLongestMatch;
    private readonly PostingTable _entityWords;
    private readonly int _entityWordMaxLength;

    private WatchIndex(CompiledWatch[] watches)
    {
        Watches = watches;
        var direct = new PostingTable[DirectKinds];
        for (var k = 0; k < DirectKinds; k++)
        {
            direct[k] = new PostingTable();
        }

        var substrings = new PostingTable();
        var exact = new PostingTable();
        var prefixes = new PostingTable();
        var fuzzy = new PostingTable();
        var entityWords = new PostingTable();
        for (var id = 0; id < watches.Length; id++)
        {
            foreach (var key in watches[id].Query.Keys)
            {
                switch (key.Kind)
                {
                    case < IndexKeyKind.Substring:
                        direct[(int)key.Kind].Add(key.Key, id);
                        break;
                    case IndexKeyKind.Substring:
                        substrings.Add(key.Key, id);
                        break;
                    case IndexKeyKind.EntitySubstring:
                        entityWords.Add(key.Key, id);
                        _entityWordMaxLength = Math.Max(_entityWordMaxLength, key.Key.Length);
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
            }
        }

        _direct = [.. direct.Select(d => d.Freeze())];
        _hasDirect = [.. direct.Select(d => d.Count > 0)];
        _substringPostings = substrings.Freeze();
        _substrings = substrings.Count > 0 ? new AhoCorasick([.. substrings.Keys]) : null;
        _exactPostings = exact.Freeze();
        _exact = exact.Count > 0 ? new AhoCorasick([.. exact.Keys]) : null;
        _prefixes = prefixes.Freeze();
        _prefixLengths = [.. prefixes.Keys.Select(k => k.Length).Distinct().Order()];
        _fuzzy = fuzzy.Freeze();
        _entityWords = entityWords.Freeze();
    }

    /// <summary>Gets an index with no watches.</summary>
    public static WatchIndex Empty { get; } = new([]);

    /// <summary>Gets the indexed watches; candidate ids are positions in this array.</summary>
    public CompiledWatch[] Watches { get; }

    /// <summary>Builds an index of the given watches.</summary>
    public static WatchIndex Build(IEnumerable<CompiledWatch> watches) => new([.. watches]);

    /// <summary>Adds the ids (plus <paramref name="offset"/>) of every watch the post has a key of.</summary>
    public void Collect(PostContext post, CandidateSet candidates, int offset)
    {
        if (Watches.Length == 0)
        {
            return;
        }

        var analysis = post.Analysis;
        var scan = new ScanState(candidates, _substringPostings, offset);
        foreach (ref readonly var token in analysis.Tokens)
        {
            var key = analysis.Key(token);
            switch (token.Kind)
            {
                case TokenKind.Word:
                    Probe(IndexKeyKind.Word, key, candidates, offset);
                    ProbePrefixes(key, candidates, offset);
                    if (_fuzzyMaxEdits > 0)
                    {
                        ProbeDeletions(key, _fuzzyMaxEdits, candidates, offset);
                    }

                    if (token.IsEntityPart && _entityWordMaxLength > 0)
                    {
                        ProbeWindows(key, candidates, offset);
                    }

                    break;
                case TokenKind.Run:
                    _substrings?.Scan(key, ref scan, AddPattern);
                    break;
                case TokenKind.Hashtag:
                    Probe(IndexKeyKind.Hashtag, key, candidates, offset);
                    break;
                case TokenKind.Mention:
                    Probe(IndexKeyKind.Mention, key, candidates, offset);
                    break;
                case TokenKind.Cashtag:
                    Probe(IndexKeyKind.Cashtag, key, candidates, offset);
                    break;
                case TokenKind.Emoji:
                    Probe(IndexKeyKind.Emoji, key, candidates, offset);
                    break;
                case TokenKind.Url:
                    Probe(IndexKeyKind.Url, key, candidates, offset);
                    break;
                case TokenKind.Email:
                    Probe(IndexKeyKind.Email, key, candidates, offset);
                    break;
                case TokenKind.Domain:
                    Probe(IndexKeyKind.Domain, key, candidates, offset);
                    break;
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

    private void Probe(IndexKeyKind kind, ReadOnlySpan<char> key, CandidateSet candidates, int offset)
    {
        if (_hasDirect[(int)kind] && _direct[(int)kind].TryGetValue(key, out var postings))
        {
            candidates.AddAll(postings, offset);
        }
    }

    // Probes every window of the part that is as long as some indexed word: linear in the part's length.
    private void ProbeWindows(ReadOnlySpan<char> part, CandidateSet candidates, int offset)
    {
        for (var start = 0; start + WordTerm.MinSubstringLength <= part.Length; start++)
        {
            var longest = Math.Min(_entityWordMaxLength, part.Length - start);
            for (var length = WordTerm.MinSubstringLength; length <= longest; length++)
            {
                if (_entityWords.TryGetValue(part.Slice(start, length), out var postings))
                {
                    candidates.AddAll(postings, offset);
                }
            }
        }
    }

    private void ProbePrefixes(ReadOnlySpan<char> word, CandidateSet candidates, int offset)
    {
        foreach (var length in _prefixLengths)
        {
            if (length > word.Length)
            {
                break;
            }

            if (_prefixes.TryGetValue(word[..length], out var postings))
            {
                candidates.AddAll(postings, offset);
            }
        }
    }

    // Probes the word and every string reachable from it by up to maxEdits deletions.
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

    private static void AddPattern(ref ScanState state, int pattern) => state.Candidates.AddAll(state.Postings[pattern], state.Offset);


    private struct ScanState(CandidateSet candidates, PostingTable postings, int offset)
    {
        public readonly CandidateSet Candidates = candidates;
        public readonly PostingTable Postings = postings;
        public readonly int Offset = offset;
    }
}
