using System.Runtime.CompilerServices;

namespace Monitro.Matching;

/// <summary>
/// An Aho-Corasick automaton over UTF-16 code units that reports which patterns occur in a text, in one pass.
/// </summary>
/// <remarks>
/// <para>The trie is stored in flat arrays: the edges of a state are a sorted slice of one edge array (found by
/// binary search), and the root, which a scan returns to after almost every character of ordinary text, also has a
/// direct table for ASCII. Building sorts the patterns once and creates each state in order, so there is no
/// hashing per edge: a few hundred thousand words build in a fraction of a second and take tens of bytes per state.</para>
/// <para>Immutable after construction and safe to share between threads.</para>
/// </remarks>
internal sealed class AhoCorasick
{
    private const int Root = 0;
    private const int AsciiLimit = 128;

    // Edges of state s are _edgeChars/_edgeTargets[_firstEdge[s] .. _firstEdge[s + 1]), sorted by character.
    private readonly int[] _firstEdge;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _rootAscii;
    private readonly int[] _failure;

    // For each state: the pattern ending there, or -1; and the nearest state on the failure chain with a pattern.
    private readonly int[] _pattern;
    private readonly int[] _outputLink;

    /// <summary>Builds the automaton; pattern <c>i</c> is reported as <c>i</c>.</summary>
    /// <param name="patterns">Distinct patterns; empty ones are ignored.</param>
    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var order = new int[patterns.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(patterns[a], patterns[b]));

        var trie = new TrieBuilder(patterns);
        foreach (var p in order)
        {
            trie.Insert(p);
        }

        var states = trie.Count;
        _pattern = trie.Patterns;

        // Children were created in character order per parent (the patterns are sorted), so a stable bucket by
        // parent gives every state's edges already sorted.
        _firstEdge = new int[states + 1];
        for (var s = 1; s < states; s++)
        {
            _firstEdge[trie.Parents[s] + 1]++;
        }

        for (var s = 0; s < states; s++)
        {
            _firstEdge[s + 1] += _firstEdge[s];
        }

        _edgeChars = new char[Math.Max(states - 1, 0)];
        _edgeTargets = new int[_edgeChars.Length];
        var fill = _firstEdge[..^1];
        for (var s = 1; s < states; s++)
        {
            var slot = fill[trie.Parents[s]]++;
            _edgeChars[slot] = trie.Chars[s];
            _edgeTargets[slot] = s;
        }

        _rootAscii = new int[AsciiLimit];
        Array.Fill(_rootAscii, Root);
        for (var e = _firstEdge[Root]; e < _firstEdge[Root + 1]; e++)
        {
            if (_edgeChars[e] < AsciiLimit)
            {
                _rootAscii[_edgeChars[e]] = _edgeTargets[e];
            }
        }

        _failure = new int[states];
        _outputLink = new int[states];
        Array.Fill(_outputLink, -1);
        LinkFailures(trie);
    }

    /// <summary>Gets the number of states.</summary>
    public int StateCount => _pattern.Length;

    /// <summary>Calls <paramref name="onMatch"/> with the index of every pattern occurrence in <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Scan<TState>(ReadOnlySpan<char> text, ref TState state, MatchHandler<TState> onMatch)
    {
        var current = Root;
        foreach (var c in text)
        {
            current = Step(current, c);
            for (var output = _pattern[current] >= 0 ? current : _outputLink[current]; output >= 0; output = _outputLink[output])
            {
                onMatch(ref state, _pattern[output]);
            }
        }
    }

    /// <summary>Returns whether any pattern occurs in <paramref name="text"/>, stopping at the first occurrence.</summary>
    /// <param name="text">The text.</param>
    /// <param name="lowerAscii">Whether to read ASCII capitals as small letters (the text is then read as if folded).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ContainsAny(ReadOnlySpan<char> text, bool lowerAscii)
    {
        var current = Root;
        foreach (var c in text)
        {
            current = Step(current, lowerAscii && char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
            if (_pattern[current] >= 0 || _outputLink[current] >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // The state after reading c in state s: follow failure links until some state has an edge for c.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Step(int state, char c)
    {
        while (true)
        {
            if (state == Root)
            {
                return c < AsciiLimit ? _rootAscii[c] : Child(Root, c);
            }

            var next = Child(state, c);
            if (next != Root)
            {
                return next;
            }

            state = _failure[state];
        }
    }

    // The target of the edge of state s for c, or the root if there is none (no edge ever leads to the root).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Child(int state, char c)
    {
        int low = _firstEdge[state], high = _firstEdge[state + 1] - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var edge = _edgeChars[middle];
            if (edge == c)
            {
                return _edgeTargets[middle];
            }

            if (edge < c)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return Root;
    }

    // Breadth-first (by depth), so every failure target is final before a deeper state uses it.
    private void LinkFailures(TrieBuilder trie)
    {
        var states = trie.Count;
        var maxDepth = 0;
        for (var s = 0; s < states; s++)
        {
            maxDepth = Math.Max(maxDepth, trie.Depths[s]);
        }

        var start = new int[maxDepth + 2];
        for (var s = 0; s < states; s++)
        {
            start[trie.Depths[s] + 1]++;
        }

        for (var d = 0; d <= maxDepth; d++)
        {
            start[d + 1] += start[d];
        }

        var byDepth = new int[states];
        for (var s = 0; s < states; s++)
        {
            byDepth[start[trie.Depths[s]]++] = s;
        }

        foreach (var s in byDepth)
        {
            if (trie.Depths[s] <= 1)
            {
                continue; // The root and its children fail to the root.
            }

            var parent = trie.Parents[s];
            var c = trie.Chars[s];
            var target = Step(_failure[parent], c);
            _failure[s] = target;
            _outputLink[s] = _pattern[target] >= 0 ? target : _outputLink[target];
        }
    }

    // The trie as parallel lists, states numbered in creation order; the root is state 0.
    private sealed class TrieBuilder
    {
        private readonly IReadOnlyList<string> _texts;
        private readonly List<int> _path = [Root];
        private string _previous = string.Empty;

        public TrieBuilder(IReadOnlyList<string> texts)
        {
            _texts = texts;
            var capacity = 1;
            foreach (var text in texts)
            {
                capacity += text.Length;
            }

            Parents = new int[capacity];
            Chars = new char[capacity];
            Depths = new int[capacity];
            PatternList = new int[capacity];
            PatternList[Root] = -1;
        }

        public int Count { get; private set; } = 1;

        public int[] Parents { get; }

        public char[] Chars { get; }

        public int[] Depths { get; }

        public int[] Patterns => PatternList[..Count];

        private int[] PatternList { get; }

        // Patterns arrive in ordinal order, so the new one shares a prefix with the previous one and adds a suffix.
        public void Insert(int pattern)
        {
            var text = _texts[pattern];
            if (text.Length == 0)
            {
                return;
            }

            var shared = text.AsSpan().CommonPrefixLength(_previous);
            _path.RemoveRange(shared + 1, _path.Count - shared - 1);
            for (var i = shared; i < text.Length; i++)
            {
                var state = Count++;
                Parents[state] = _path[^1];
                Chars[state] = text[i];
                Depths[state] = i + 1;
                PatternList[state] = -1;
                _path.Add(state);
            }

            PatternList[_path[^1]] = pattern;
            _previous = text;
        }
    }
}

/// <summary>Receives a pattern found by <see cref="AhoCorasick.Scan{TState}"/>.</summary>
internal delegate void MatchHandler<TState>(ref TState state, int pattern);
