using System.Runtime.CompilerServices;

namespace Monitro.Matching;

/// <summary>
/// An Aho-Corasick automaton over UTF-16 code units that reports which patterns occur in a text, in one pass.
/// </summary>
/// <remarks>
/// <para>States are numbered breadth-first, so the shallow ones come first. Those a scan of ordinary text spends
/// nearly all its characters in (the root and the states a few characters deep) have a full row of transitions in
/// one flat array, over a compact alphabet: each character that occurs in some pattern is a column of its own (ASCII
/// through a 128-entry table, others through a short sorted list), and every other character is column 0, which
/// leads back to the root. A step there is one table read with no failure links to follow; a transition into a state
/// where a pattern ends is stored negated, so the hot loop tests acceptance with the sign. Written by hand, not taken
/// from a library, because this loop is the whole cost of a post that contains no key (most posts), and a general
/// automaton with per-state edge searches cost several times more per character.</para>
/// <para>Deeper states keep the compact form: their edges a sorted slice of one edge array (found by binary
/// search) and a failure link, followed until a state with a row is reached. The rows are limited to one cell per
/// <see cref="StatesPerDenseCell"/> states of the whole automaton, so memory grows with the patterns, not with the
/// alphabet (at 1,000 keyword watches a cell per state gave the third depth rows, 76 bytes per watch, and the matcher
/// more than the 1 KB per watch it may keep).</para>
/// <para>Building sorts the patterns once and creates each state in order, so there is no hashing per edge: a few
/// hundred thousand words build in a fraction of a second. Immutable after construction and safe to share between
/// threads.</para>
/// </remarks>
internal sealed class AhoCorasick
{
    /// <summary>The states of the automaton per cell of full transition rows allowed (at least <see cref="MinimumDenseCells"/> cells).</summary>
    internal const int StatesPerDenseCell = 4;

    private const int MinimumDenseCells = 1 << 14;
    private const int Root = 0;
    private const int AsciiLimit = 128;

    // Edges of state s are _edgeChars/_edgeTargets[_firstEdge[s] .. _firstEdge[s + 1]), sorted by character.
    private readonly int[] _firstEdge;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _failure;

    // For each state: the pattern ending there, or -1; and the nearest state on the failure chain with a pattern.
    private readonly int[] _pattern;
    private readonly int[] _outputLink;

    // The compact alphabet: the column of each ASCII character as written and read lower-cased, and the sorted
    // characters above ASCII that have a column (column _wideFirst + index).
    private readonly byte[] _asciiColumn = new byte[AsciiLimit];
    private readonly byte[] _lowerAsciiColumn = new byte[AsciiLimit];
    private readonly char[] _wideChars;
    private readonly int _wideFirst;
    private readonly int _columns;

    // Rows of states 0 .. _denseStates - 1: the next state, or its bitwise complement where a pattern ends there.
    private readonly int[] _dense;
    private readonly int _denseStates;

    /// <summary>Builds the automaton; pattern <c>i</c> is reported as <c>i</c>.</summary>
    /// <param name="patterns">Distinct patterns; empty ones are ignored.</param>
    public AhoCorasick(IReadOnlyList<string> patterns)
        : this(patterns, MinimumDenseCells)
    {
    }

    /// <summary>Builds the automaton with rows for at least <paramref name="minimumDenseCells"/> cells (tests use few, to reach the compact states).</summary>
    internal AhoCorasick(IReadOnlyList<string> patterns, int minimumDenseCells)
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

        trie.NumberBreadthFirst();
        var states = trie.Count;
        _pattern = trie.Patterns;

        // Children were created in character order per parent (the patterns are sorted) and numbering by depth keeps
        // that order, so a stable bucket by parent gives every state's edges already sorted.
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

        _failure = new int[states];
        _outputLink = new int[states];
        Array.Fill(_outputLink, -1);
        LinkFailures(trie);

        (_wideChars, _wideFirst, _columns) = BuildAlphabet(trie);
        _denseStates = CountDenseStates(trie, minimumDenseCells);
        _dense = new int[_denseStates * _columns];
        FillRows();
    }

    /// <summary>Gets the number of states.</summary>
    public int StateCount => _pattern.Length;

    /// <summary>Gets the number of states with a full row of transitions (the shallowest ones).</summary>
    internal int DenseStateCount => _denseStates;

    /// <summary>Calls <paramref name="onMatch"/> with the index of every pattern occurrence in <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Scan<TState>(ReadOnlySpan<char> text, ref TState state, MatchHandler<TState> onMatch)
    {
        var current = Root;
        foreach (var c in text)
        {
            current = Step(current, c, _asciiColumn);
            if (current < 0)
            {
                current = ~current;
                for (var output = _pattern[current] >= 0 ? current : _outputLink[current]; output >= 0; output = _outputLink[output])
                {
                    onMatch(ref state, _pattern[output]);
                }
            }
        }
    }

    /// <summary>Returns whether any pattern occurs in <paramref name="text"/>, stopping at the first occurrence.</summary>
    /// <param name="text">The text.</param>
    /// <param name="lowerAscii">Whether to read ASCII capitals as small letters (the text is then read as if folded).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ContainsAny(ReadOnlySpan<char> text, bool lowerAscii)
    {
        var columns = lowerAscii ? _lowerAsciiColumn : _asciiColumn;
        var dense = _dense;
        var width = _columns;
        var denseStates = _denseStates;
        var current = Root;
        foreach (var c in text)
        {
            if ((uint)current < (uint)denseStates)
            {
                current = dense[(current * width) + (c < AsciiLimit ? columns[c] : WideColumn(c))];
            }
            else
            {
                current = SparseStep(current, lowerAscii && char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c, columns);
            }

            if (current < 0)
            {
                return true;
            }
        }

        return false;
    }

    // The state after reading c (already lower-cased if it is to be read so) in state s, complemented where a
    // pattern ends.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Step(int state, char c, byte[] columns) =>
        state < _denseStates ? _dense[(state * _columns) + (c < AsciiLimit ? columns[c] : WideColumn(c))] : SparseStep(state, c, columns);

    // From a state without a row: follow failure links until some state has an edge for c or a row.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SparseStep(int state, char c, byte[] columns)
    {
        while (state >= _denseStates)
        {
            var next = Child(state, c);
            if (next != Root)
            {
                return _pattern[next] >= 0 || _outputLink[next] >= 0 ? ~next : next;
            }

            state = _failure[state];
        }

        return _dense[(state * _columns) + (c < AsciiLimit ? columns[c] : WideColumn(c))];
    }

    // The column of a character above ASCII: its own if some pattern has it, else 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WideColumn(char c)
    {
        if (_wideChars.Length == 0)
        {
            return 0;
        }

        var index = _wideChars.AsSpan().BinarySearch(c);
        return index >= 0 ? _wideFirst + index : 0;
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

    // Column 0 for characters in no pattern; then one per ASCII character in some pattern, then one per other one.
    private (char[] Wide, int WideFirst, int Columns) BuildAlphabet(TrieBuilder trie)
    {
        var ascii = new bool[AsciiLimit];
        var wide = new SortedSet<char>();
        for (var s = 1; s < trie.Count; s++)
        {
            var c = trie.Chars[s];
            if (c < AsciiLimit)
            {
                ascii[c] = true;
            }
            else
            {
                wide.Add(c);
            }
        }

        var column = 1;
        for (var c = 0; c < AsciiLimit; c++)
        {
            if (ascii[c])
            {
                _asciiColumn[c] = (byte)column++;
            }
        }

        for (var c = 0; c < AsciiLimit; c++)
        {
            _lowerAsciiColumn[c] = _asciiColumn[char.IsAsciiLetterUpper((char)c) ? c | 0x20 : c];
        }

        return ([.. wide], column, column + wide.Count);
    }

    // The most states, shallowest first and whole depths at a time, whose rows fit the budget.
    private int CountDenseStates(TrieBuilder trie, int minimumDenseCells)
    {
        var budget = Math.Max(minimumDenseCells, trie.Count / StatesPerDenseCell);
        var count = 1;
        while (count < trie.Count)
        {
            var depthEnd = count;
            while (depthEnd < trie.Count && trie.Depths[depthEnd] == trie.Depths[count])
            {
                depthEnd++;
            }

            if ((long)depthEnd * _columns > budget)
            {
                break;
            }

            count = depthEnd;
        }

        return count;
    }

    // Breadth-first, so the row of a state's failure target is complete before the state's own row reads it.
    private void FillRows()
    {
        var representative = new char[_columns];
        for (var c = 0; c < AsciiLimit; c++)
        {
            if (_asciiColumn[c] != 0)
            {
                representative[_asciiColumn[c]] = (char)c;
            }
        }

        for (var i = 0; i < _wideChars.Length; i++)
        {
            representative[_wideFirst + i] = _wideChars[i];
        }

        for (var s = 0; s < _denseStates; s++)
        {
            var row = s * _columns;
            for (var column = 1; column < _columns; column++)
            {
                var next = Child(s, representative[column]);
                _dense[row + column] = next != Root
                    ? (_pattern[next] >= 0 || _outputLink[next] >= 0 ? ~next : next)
                    : s == Root ? Root : _dense[(_failure[s] * _columns) + column];
            }
        }
    }

    // States are numbered by depth, so every failure target is final before a deeper state uses it.
    private void LinkFailures(TrieBuilder trie)
    {
        for (var s = 1; s < trie.Count; s++)
        {
            if (trie.Depths[s] <= 1)
            {
                continue; // The root and its children fail to the root.
            }

            var target = EdgeAfterFailures(_failure[trie.Parents[s]], trie.Chars[s]);
            _failure[s] = target;
            _outputLink[s] = _pattern[target] >= 0 ? target : _outputLink[target];
        }
    }

    // The state after reading c in state s by edges and failure links only (while the rows are being built).
    private int EdgeAfterFailures(int state, char c)
    {
        while (true)
        {
            var next = Child(state, c);
            if (next != Root || state == Root)
            {
                return next;
            }

            state = _failure[state];
        }
    }

    // The trie as parallel lists, states numbered in creation order and then by depth; the root is state 0.
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

        public int[] Parents { get; private set; }

        public char[] Chars { get; private set; }

        public int[] Depths { get; private set; }

        public int[] Patterns => PatternList[..Count];

        private int[] PatternList { get; set; }

        // Renumbers the states by depth, keeping creation order within a depth (so siblings stay in character order).
        public void NumberBreadthFirst()
        {
            var maxDepth = 0;
            for (var s = 0; s < Count; s++)
            {
                maxDepth = Math.Max(maxDepth, Depths[s]);
            }

            var start = new int[maxDepth + 2];
            for (var s = 0; s < Count; s++)
            {
                start[Depths[s] + 1]++;
            }

            for (var d = 0; d <= maxDepth; d++)
            {
                start[d + 1] += start[d];
            }

            var renumbered = new int[Count];
            for (var s = 0; s < Count; s++)
            {
                renumbered[s] = start[Depths[s]]++;
            }

            var parents = new int[Count];
            var chars = new char[Count];
            var depths = new int[Count];
            var patterns = new int[Count];
            for (var s = 0; s < Count; s++)
            {
                var n = renumbered[s];
                parents[n] = s == Root ? Root : renumbered[Parents[s]];
                chars[n] = Chars[s];
                depths[n] = Depths[s];
                patterns[n] = PatternList[s];
            }

            (Parents, Chars, Depths, PatternList) = (parents, chars, depths, patterns);
        }

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
