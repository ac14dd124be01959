using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Monitro.Matching;

/// <summary>
/// An Aho-Corasick automaton over UTF-16 code units that reports which patterns occur in a text, in one pass.
/// </summary>
/// <remarks>
/// <para>States are numbered breadth-first, so the shallow ones come first. Those a scan of ordinary text spends
/// nearly all its characters in (the root and the states a few characters deep) have a full row of transitions in
/// one flat array, over a compact alphabet: each character that occurs in some pattern is a column of its own (ASCII
/// through a 128-entry table, others through a short sorted list), and every other character is column 0, which
/// leads back to the root. A cell holds the next state already multiplied by the row width (the offset of its row),
/// so a step is one table read and an addition, with no failure link to follow and no multiplication on the chain
/// of dependent reads that bounds the loop's speed. States without a row and states where a pattern ends are stored
/// past the last row's offset (<c>rows end + state</c>), so one comparison per character sends both out of the
/// loop. Cells are 16 bits wide whenever every value fits, which gives twice the rows (one more depth of the
/// automaton) in the same memory and keeps the hot rows in the first-level cache. Written by hand, not taken from a
/// library, because this loop is the whole cost of a post that contains no key (most posts), and a general
/// automaton with per-state edge searches cost several times more per character.</para>
/// <para>Deeper states keep the compact form: one ten-byte record per state (where its children start, the pattern
/// ending there, and the character of the edge into it), the children's records side by side in the order of their
/// characters (found by binary search), and a failure link, followed until a state with a row is reached. A step
/// thus reads one run of adjacent records, and the child it finds holds the next step's data; the walks from a
/// position compare the rest of a single path to one pattern's end at once, from one entry. The rows are limited to
/// <see cref="RowBytesPerState"/> bytes per state of the whole automaton, at least <see cref="MinimumRowBytes"/> and
/// at most <see cref="MaximumRowBytes"/>, so memory grows with the patterns, not with the alphabet. At 1,000 keyword
/// watches the next depth fits in neither cell width's share, so the rows stay those of the minimum, in 16-bit cells
/// (more rows there gave the matcher more than the 1 KB per watch it may keep); at 10,000 watches, too many states
/// for 16-bit cells, the budget gives 32-bit rows deeper than the minimum did, where the scan spends most of its
/// characters.</para>
/// <para>Building sorts the patterns once and creates each state in order, so there is no hashing per edge: a few
/// hundred thousand words build in a fraction of a second. Immutable after construction and safe to share between
/// threads.</para>
/// </remarks>
internal sealed class AhoCorasick
{
    /// <summary>The bytes of full transition rows allowed per state of the automaton (between <see cref="MinimumRowBytes"/> and <see cref="MaximumRowBytes"/>).</summary>
    internal const int RowBytesPerState = 8;

    /// <summary>The bytes of rows every automaton may have, however few its states.</summary>
    internal const int MinimumRowBytes = 64 * 1024;

    /// <summary>
    /// The most bytes of rows the per-state budget gives: about a core's second-level cache, beyond which a deeper row
    /// is a cache miss like the edge search it replaces, and filling rows would add to the compile time of large sets.
    /// </summary>
    internal const int MaximumRowBytes = 1024 * 1024;

    /// <summary>The fewest patterns for which the walks compare a single path's rest at once (<see cref="SinglePathStates"/>).</summary>
    internal const int SinglePathMinimumPatterns = 4_096;

    private const int Root = 0;

    // The characters of a rest's entry before its text: the pattern's number (two) and the rest's length.
    private const int TailHeader = 3;
    private const int AsciiLimit = 128;

    // What a scan that left the rows returns instead of a next state.
    private const int Found = -1;
    private const int OutOfText = -2;

    // One record per state, and one past the last that ends the last state's children (StateRecord). States are
    // numbered by depth and, within a depth, in the order of their prefixes (the patterns are inserted sorted), so the
    // children of state s are the states _states[s].FirstChild .. _states[s + 1].FirstChild - 1, in the order of
    // their edges' characters.
    private readonly StateRecord[] _states;
    private readonly int[] _failure;

    // The output links, kept for the few states that have one (OutputLink): a bit per state, set where the failure
    // chain reaches a state with a pattern; the number of set bits before each 64-state block; and the nearest such
    // state of each linked state, in state order. An array of one link per state was a tenth of a matcher's memory,
    // for links most states lack (a pattern that ends inside another one's prefix).
    private readonly ulong[] _linked;
    private readonly int[] _linkRanks;
    private readonly int[] _linkTargets;

    // One bit per state: whether some pattern ends there (its own or one on its failure chain). Read where a scan
    // leaves the rows, so the check costs one read of a small table instead of two of the large ones above.
    private readonly ulong[] _accepting;

    // The compact alphabet: the column of each ASCII character as written and read lower-cased, and the sorted
    // characters above ASCII that have a column (column _wideFirst + index).
    private readonly byte[] _asciiColumn = new byte[AsciiLimit];
    private readonly byte[] _lowerAsciiColumn = new byte[AsciiLimit];
    private readonly char[] _wideChars;
    private readonly int _wideFirst;
    private readonly int _columns;

    // Rows of states 0 .. _denseStates - 1, in 16-bit cells when every value fits, else in 32-bit ones. A cell below
    // _rowsEnd is the row offset of a next state that has a row and where no pattern ends; any other next state s is
    // stored as _rowsEnd + s.
    private readonly ushort[]? _narrowRows;
    private readonly int[]? _wideRows;
    private readonly int _denseStates;
    private readonly int _rowsEnd;

    // The length of the longest pattern.
    private readonly int _longest;

    // The rests of the single paths, one entry for each state where one begins: the pattern's number in two
    // characters, the rest's length, then the rest. A walk that reaches such a state compares the rest at once from
    // one place, instead of reading the pattern's string through an array of them.
    private readonly char[] _tails = [];

    // The pre-pass that finds where a pattern may start, when it was asked for and the patterns allow it.
    private readonly AnchorWindowFilter? _windows;

    /// <summary>Builds the automaton; pattern <c>i</c> is reported as <c>i</c>.</summary>
    /// <param name="patterns">Distinct patterns; empty ones are ignored.</param>
    public AhoCorasick(IReadOnlyList<string> patterns)
        : this(patterns, MinimumRowBytes, RowBytesPerState)
    {
    }

    /// <summary>
    /// Builds the automaton with <paramref name="rowBytesPerState"/> bytes of rows per state, at least
    /// <paramref name="minimumRowBytes"/> and, above that, at most <see cref="MaximumRowBytes"/> (tests use few, to
    /// reach the compact states), in 16-bit cells if <paramref name="narrowCells"/> and every value fits.
    /// </summary>
    /// <param name="patterns">Distinct patterns; empty ones are ignored.</param>
    /// <param name="minimumRowBytes">The bytes of rows the automaton has at least.</param>
    /// <param name="rowBytesPerState">The bytes of rows per state allowed above the minimum.</param>
    /// <param name="narrowCells">Whether the rows may have 16-bit cells.</param>
    /// <param name="windowFilter">
    /// Whether <see cref="ContainsAny"/> and <see cref="CollectHits"/> run the <see cref="AnchorWindowFilter"/> first
    /// (when the patterns allow it): for an automaton that scans many texts without an occurrence.
    /// </param>
    internal AhoCorasick(IReadOnlyList<string> patterns, int minimumRowBytes, int rowBytesPerState, bool narrowCells = true, bool windowFilter = false)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var trie = new TrieBuilder(patterns, OrdinalOrder.Of(patterns));
        var states = trie.Count;
        _longest = trie.Longest;
        _states = BuildRecords(trie);
        _failure = new int[states];
        _linked = new ulong[(states + 63) / 64];
        _linkRanks = new int[_linked.Length];
        _linkTargets = LinkFailures(trie);
        _accepting = new ulong[_linked.Length];
        for (var s = 0; s < states; s++)
        {
            if (_states[s].Pattern >= 0)
            {
                _accepting[s >> 6] |= 1UL << s;
            }
        }

        for (var w = 0; w < _linked.Length; w++)
        {
            _accepting[w] |= _linked[w];
        }

        // A small trie's arrays stay in the cache, where an edge search costs little; the rests are kept only for large
        // ones (a matcher of 1,000 keyword watches stays within its kilobyte per watch).
        if (patterns.Count >= SinglePathMinimumPatterns)
        {
            _tails = MarkSinglePaths(trie);
        }

        (_wideChars, _wideFirst, _columns) = BuildAlphabet(trie);
        var rowBytes = Math.Max(minimumRowBytes, Math.Min((long)states * rowBytesPerState, MaximumRowBytes));

        // 16-bit cells hold the rows' offsets and, past them, every state, so they may give fewer rows than the budget
        // would; they are taken whenever they give at least as many rows as 32-bit cells, in half the memory.
        var narrowStates = CountDenseStates(trie, Math.Min(rowBytes / sizeof(ushort), ushort.MaxValue + 1L - states));
        var wideStates = CountDenseStates(trie, rowBytes / sizeof(int));
        if (narrowCells && narrowStates >= wideStates && ((long)narrowStates * _columns) + states <= ushort.MaxValue + 1)
        {
            _denseStates = narrowStates;
            _rowsEnd = _denseStates * _columns;
            _narrowRows = new ushort[_rowsEnd];
            FillRows(_narrowRows);
        }
        else
        {
            _denseStates = wideStates;
            _rowsEnd = _denseStates * _columns;
            _wideRows = new int[_rowsEnd];
            FillRows(_wideRows);
        }

        _windows = windowFilter ? AnchorWindowFilter.TryBuild(patterns) : null;
    }

    /// <summary>Builds the automaton with the default rows and, if asked and the patterns allow it, the <see cref="AnchorWindowFilter"/>.</summary>
    internal AhoCorasick(IReadOnlyList<string> patterns, bool windowFilter)
        : this(patterns, MinimumRowBytes, RowBytesPerState, narrowCells: true, windowFilter)
    {
    }

    /// <summary>Gets the pre-pass that runs before the automaton, if it has one.</summary>
    internal AnchorWindowFilter? Windows => _windows;

    /// <summary>Gets the number of states from which the trie is a single path to one pattern's end (compared at once by the walks).</summary>
    internal int SinglePathStates { get; private set; }

    /// <summary>Gets the number of states.</summary>
    public int StateCount => _states.Length - 1;

    /// <summary>Gets the number of states with a full row of transitions (the shallowest ones).</summary>
    internal int DenseStateCount => _denseStates;

    /// <summary>Gets whether the rows have 16-bit cells.</summary>
    internal bool NarrowCells => _narrowRows is not null;

    /// <summary>Gets the bytes the rows take.</summary>
    internal int RowBytes => _narrowRows is not null ? _narrowRows.Length * sizeof(ushort) : _wideRows!.Length * sizeof(int);

    /// <summary>Returns the number of a pattern, or -1 when it is none of the patterns (a walk down the trie).</summary>
    public int PatternOf(ReadOnlySpan<char> text)
    {
        var state = Root;
        foreach (var c in text)
        {
            state = Child(state, c);
            if (state == Root)
            {
                return -1;
            }
        }

        return text.IsEmpty ? -1 : Math.Max(_states[state].Pattern, -1);
    }

    /// <summary>Calls <paramref name="onMatch"/> with the index of every pattern occurrence in <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Scan<TState>(ReadOnlySpan<char> text, ref TState state, MatchHandler<TState> onMatch)
    {
        if (_narrowRows is not null)
        {
            Scan(_narrowRows, text, ref state, onMatch);
        }
        else
        {
            Scan(_wideRows!, text, ref state, onMatch);
        }
    }

    /// <summary>Returns whether any pattern occurs in <paramref name="text"/>, stopping at the first occurrence.</summary>
    /// <param name="text">The text.</param>
    /// <param name="lowerAscii">Whether to read ASCII capitals as small letters (the text is then read as if folded).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ContainsAny(ReadOnlySpan<char> text, bool lowerAscii) =>
        _windows is not null ? _windows.ContainsAny(this, text, lowerAscii, Vector256.IsHardwareAccelerated)
        : ContainsAnyByRows(text, lowerAscii);

    /// <summary>Returns whether any pattern occurs in <paramref name="text"/> by the automaton's rows alone, without the pre-pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool ContainsAnyByRows(ReadOnlySpan<char> text, bool lowerAscii) =>
        _narrowRows is not null ? ContainsAny(_narrowRows, text, lowerAscii) : ContainsAny(_wideRows!, text, lowerAscii);

    /// <summary>
    /// Writes every pattern occurrence in <paramref name="text"/>, read with ASCII capitals as small letters, to
    /// <paramref name="hits"/> in the order the occurrences end.
    /// </summary>
    /// <returns>The number of occurrences, or -1 when there are more than <paramref name="hits"/> holds.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CollectHits(ReadOnlySpan<char> text, Span<AnchorHit> hits) =>
        _windows is not null ? _windows.CollectHits(this, text, hits, Vector256.IsHardwareAccelerated)
        : CollectHitsByRows(text, hits);

    /// <summary>Does what <see cref="CollectHits(ReadOnlySpan{char}, Span{AnchorHit})"/> does by the automaton's rows alone, without the pre-pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int CollectHitsByRows(ReadOnlySpan<char> text, Span<AnchorHit> hits) =>
        _narrowRows is not null ? CollectHits(_narrowRows, text, hits) : CollectHits(_wideRows!, text, hits);

    /// <summary>
    /// Returns whether a pattern starts at <paramref name="start"/> of <paramref name="text"/>: a walk down the trie
    /// along the text (the check behind each position the <see cref="AnchorWindowFilter"/> lets through).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool StartsWithPattern(ReadOnlySpan<char> text, int start, bool lowerAscii)
    {
        var state = Root;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            state = Child(state, lowerAscii && char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
            if (state == Root)
            {
                return false;
            }

            var pattern = _states[state].Pattern;
            if (pattern >= 0)
            {
                return true;
            }

            if (pattern <= TailOf(0))
            {
                return TailEquals(text, i + 1, Rest(TailOf(pattern)), lowerAscii);
            }
        }

        return false;
    }

    /// <summary>
    /// Appends to <paramref name="hits"/>, after the first <paramref name="count"/>, every pattern that starts at
    /// <paramref name="start"/> of <paramref name="text"/> read with ASCII capitals as small letters, shortest first.
    /// </summary>
    /// <returns>The new number of hits, or -1 when there are more than <paramref name="hits"/> holds.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int CollectStartingAt(ReadOnlySpan<char> text, int start, Span<AnchorHit> hits, int count)
    {
        var state = Root;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            state = Child(state, char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
            if (state == Root)
            {
                break;
            }

            var pattern = _states[state].Pattern;
            var end = i + 1;
            if (pattern <= TailOf(0))
            {
                // A single path on: only its pattern can still start here, so its rest is compared, not walked, and
                // nothing follows its end.
                var tail = TailOf(pattern);
                var rest = Rest(tail);
                if (!TailEquals(text, i + 1, rest, lowerAscii: true))
                {
                    break;
                }

                pattern = _tails[tail] | (_tails[tail + 1] << 16);
                end = i + 1 + rest.Length;

                i = text.Length;
            }

            if (pattern >= 0)
            {
                if (count == hits.Length)
                {
                    return -1;
                }

                hits[count++] = new AnchorHit(pattern, end);
            }
        }

        return count;
    }

    // Whether the text from index from on holds the rest of a single path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TailEquals(ReadOnlySpan<char> text, int from, ReadOnlySpan<char> rest, bool lowerAscii)
    {
        if (from + rest.Length > text.Length)
        {
            return false;
        }

        for (var k = 0; k < rest.Length; k++)
        {
            var c = text[from + k];
            if ((lowerAscii && char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) != rest[k])
            {
                return false;
            }
        }

        return true;
    }

    // The rest of the single path whose entry starts at tail.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<char> Rest(int tail) => _tails.AsSpan(tail + TailHeader, _tails[tail + 2]);

    // The mark of a state where a single path begins, from its entry in the rests, and back (its own inverse; both at
    // most -2).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TailOf(int value) => -2 - value;

    // Marks every state without a pattern whose only child is the end of a pattern without children, or is marked
    // itself (deeper states come later in the numbering, so children are marked first); then gives each first state of
    // such a path, where a walk from the root reaches it, its entry in the rests (TailOf), and the states below it,
    // which a walk never reaches without passing it, -1. Returns the rests.
    private char[] MarkSinglePaths(TrieBuilder trie)
    {
        SinglePathStates = 0;
        for (var s = StateCount - 1; s > Root; s--)
        {
            if (_states[s].Pattern >= 0 || _states[s + 1].FirstChild - _states[s].FirstChild != 1)
            {
                continue;
            }

            var child = _states[s].FirstChild;
            var pattern = _states[child].Pattern;
            if (pattern >= 0 && _states[child + 1].FirstChild == _states[child].FirstChild)
            {
                _states[s].Pattern = TailOf(pattern);
                SinglePathStates++;
            }
            else if (pattern <= TailOf(0))
            {
                _states[s].Pattern = pattern;
                SinglePathStates++;
            }
        }

        var rests = new List<char>();
        var single = new bool[StateCount];
        for (var s = Root + 1; s < StateCount; s++)
        {
            if (_states[s].Pattern > TailOf(0))
            {
                continue;
            }

            single[s] = true;
            var pattern = TailOf(_states[s].Pattern);
            _states[s].Pattern = -1;
            if (single[trie.Parents[s]])
            {
                continue;
            }

            // The rest's length, down the only children to the pattern's end; too long a rest for its length's
            // character is walked by edges.
            var length = 1;
            for (var t = _states[s].FirstChild; _states[t].Pattern < 0 && length <= char.MaxValue; t = _states[t].FirstChild)
            {
                length++;
            }

            if (length > char.MaxValue)
            {
                continue;
            }

            _states[s].Pattern = TailOf(rests.Count);
            rests.Add((char)pattern);
            rests.Add((char)(pattern >>> 16));
            rests.Add((char)length);
            for (int t = _states[s].FirstChild, k = 0; k < length; t = _states[t].FirstChild, k++)
            {
                rests.Add(_states[t].Edge);
            }
        }

        return [.. rests];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CollectHits<TCell>(TCell[] rows, ReadOnlySpan<char> text, Span<AnchorHit> hits)
        where TCell : unmanaged, IBinaryInteger<TCell>
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(rows);
        var columns = _lowerAsciiColumn;
        var rowsEnd = _rowsEnd;
        var count = 0;
        var at = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];

            // In bounds: at is a row's offset and the column is below the row width.
            var next = int.CreateTruncating(Unsafe.Add(ref first, at + (c < AsciiLimit ? columns[c] : WideColumn(c))));
            while (next >= rowsEnd)
            {
                var current = next - rowsEnd;
                for (var output = _states[current].Pattern >= 0 ? current : OutputLink(current); output >= 0; output = OutputLink(output))
                {
                    if (count == hits.Length)
                    {
                        return -1;
                    }

                    hits[count++] = new AnchorHit(_states[output].Pattern, i + 1);
                }

                if (current < _denseStates)
                {
                    next = current * _columns;
                    break;
                }

                if (++i == text.Length)
                {
                    return count;
                }

                var d = text[i];
                next = SparseNext(rows, current, char.IsAsciiLetterUpper(d) ? (char)(d | 0x20) : d);
            }

            at = next;
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan<TCell, TState>(TCell[] rows, ReadOnlySpan<char> text, ref TState state, MatchHandler<TState> onMatch)
        where TCell : unmanaged, IBinaryInteger<TCell>
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(rows);
        var rowsEnd = _rowsEnd;
        var at = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];

            // In bounds: at is a row's offset and the column is below the row width.
            var next = int.CreateTruncating(Unsafe.Add(ref first, at + (c < AsciiLimit ? _asciiColumn[c] : WideColumn(c))));
            while (next >= rowsEnd)
            {
                var current = next - rowsEnd;
                for (var output = _states[current].Pattern >= 0 ? current : OutputLink(current); output >= 0; output = OutputLink(output))
                {
                    onMatch(ref state, _states[output].Pattern);
                }

                if (current < _denseStates)
                {
                    next = current * _columns;
                    break;
                }

                if (++i == text.Length)
                {
                    return;
                }

                next = SparseNext(rows, current, text[i]);
            }

            at = next;
        }
    }

    // Two halves of a long text are scanned in step, as two chains of reads the processor overlaps: the first half
    // runs on for the longest pattern's length less one, so an occurrence that starts in it ends in it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ContainsAny<TCell>(TCell[] rows, ReadOnlySpan<char> text, bool lowerAscii)
        where TCell : unmanaged, IBinaryInteger<TCell>
    {
        var half = text.Length / 2;
        if (half < 2 * _longest)
        {
            return ContainsAny(rows, text, 0, text.Length, 0, lowerAscii);
        }

        ref var first = ref MemoryMarshal.GetArrayDataReference(rows);
        var columns = lowerAscii ? _lowerAsciiColumn : _asciiColumn;
        var rowsEnd = _rowsEnd;
        int i = 0, firstEnd = half + _longest - 1, at = 0;
        int j = half, secondAt = 0;
        while (i < firstEnd && j < text.Length)
        {
            var c = text[i++];
            var d = text[j++];

            // In bounds: at and secondAt are rows' offsets and the columns are below the row width.
            var next = int.CreateTruncating(Unsafe.Add(ref first, at + (c < AsciiLimit ? columns[c] : WideColumn(c))));
            var secondNext = int.CreateTruncating(Unsafe.Add(ref first, secondAt + (d < AsciiLimit ? columns[d] : WideColumn(d))));
            if (next >= rowsEnd)
            {
                (i, next) = Leave(rows, text, i, firstEnd, next, lowerAscii);
                if (next == Found)
                {
                    return true;
                }
            }

            if (secondNext >= rowsEnd)
            {
                (j, secondNext) = Leave(rows, text, j, text.Length, secondNext, lowerAscii);
                if (secondNext == Found)
                {
                    return true;
                }
            }

            (at, secondAt) = (next, secondNext);
        }

        // One half is done (a half that ran out inside Leave has its index at its end).
        return i < firstEnd
            ? ContainsAny(rows, text, i, firstEnd, at, lowerAscii)
            : ContainsAny(rows, text, j, text.Length, secondAt, lowerAscii);
    }

    // Scans text[from..end) from the state whose row starts at offset at.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ContainsAny<TCell>(TCell[] rows, ReadOnlySpan<char> text, int from, int end, int at, bool lowerAscii)
        where TCell : unmanaged, IBinaryInteger<TCell>
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(rows);
        var columns = lowerAscii ? _lowerAsciiColumn : _asciiColumn;
        var rowsEnd = _rowsEnd;
        var i = from;
        while (i < end)
        {
            var c = text[i++];

            // In bounds: at is a row's offset and the column is below the row width.
            var next = int.CreateTruncating(Unsafe.Add(ref first, at + (c < AsciiLimit ? columns[c] : WideColumn(c))));
            if (next >= rowsEnd)
            {
                (i, next) = Leave(rows, text, i, end, next, lowerAscii);
                if (next < 0)
                {
                    return next == Found;
                }
            }

            at = next;
        }

        return false;
    }

    // A step led to a state where a pattern ends or to one without a row. Returns Found for the first; else follows
    // edges and failure links through text[index..end) until a state with a row is reached again (returned with the
    // index after the last character read) or the end is (returned with OutOfText). Returning the index instead of
    // moving a caller's variable by reference keeps the callers' loop variables in registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Index, int Next) Leave<TCell>(TCell[] rows, ReadOnlySpan<char> text, int index, int end, int next, bool lowerAscii)
        where TCell : unmanaged, IBinaryInteger<TCell>
    {
        while (next >= _rowsEnd)
        {
            var current = next - _rowsEnd;
            if (Accepts(current))
            {
                return (index, Found);
            }

            if (index == end)
            {
                return (end, OutOfText);
            }

            var c = text[index++];
            next = SparseNext(rows, current, lowerAscii && char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
        }

        return (index, next);
    }

    // From a state without a row, reading c (already lower-cased if it is to be read so): follow failure links until
    // some state has an edge for c or a row. Returns the next state as a cell of the rows holds it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SparseNext<TCell>(TCell[] rows, int state, char c)
        where TCell : unmanaged, IBinaryInteger<TCell>
    {
        do
        {
            // The child of a state without a row is deeper, so it has no row either.
            var next = Child(state, c);
            if (next != Root)
            {
                return _rowsEnd + next;
            }

            state = _failure[state];
        }
        while (state >= _denseStates);

        return int.CreateTruncating(rows[(state * _columns) + (c < AsciiLimit ? _asciiColumn[c] : WideColumn(c))]);
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

    // The target of the edge of state s for c, or the root if there is none (no edge ever leads to the root). Searches
    // the children's own records, so the child found has its pattern and children's range already read.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Child(int state, char c)
    {
        int low = _states[state].FirstChild, high = _states[state + 1].FirstChild - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var edge = _states[middle].Edge;
            if (edge == c)
            {
                return middle;
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
        foreach (var c in trie.EdgeChars)
        {
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

    // The most states, shallowest first and whole depths at a time, whose rows fit in the given number of cells.
    private int CountDenseStates(TrieBuilder trie, long budget)
    {
        var count = 1;
        for (var depth = 1; depth + 1 < trie.DepthStarts.Length; depth++)
        {
            var depthEnd = trie.DepthStarts[depth + 1];
            if ((long)depthEnd * _columns > budget)
            {
                break;
            }

            count = depthEnd;
        }

        return count;
    }

    // Breadth-first, so the row of a state's failure target is complete before the state's own row copies from it.
    private void FillRows<TCell>(TCell[] rows)
        where TCell : unmanaged, IBinaryInteger<TCell>
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
                rows[row + column] = next != Root ? TCell.CreateTruncating(Cell(next))
                    : s == Root ? TCell.Zero
                    : rows[(_failure[s] * _columns) + column];
            }
        }
    }

    // How a cell holds a next state: its row offset if it has a row and no pattern ends there, else past the rows.
    private int Cell(int state) => state < _denseStates && !Accepts(state) ? state * _columns : _rowsEnd + state;

    // Whether some pattern ends in the state.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Accepts(int state) => (_accepting[state >> 6] & (1UL << state)) != 0;

    // The nearest state on the failure chain of a state where a pattern ends, or -1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int OutputLink(int state) => OutputLink(_linked, _linkRanks, _linkTargets, state);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int OutputLink(ulong[] linked, int[] ranks, ReadOnlySpan<int> targets, int state)
    {
        var word = linked[state >> 6];
        var bit = 1UL << state;
        return (word & bit) == 0 ? -1 : targets[ranks[state >> 6] + BitOperations.PopCount(word & (bit - 1))];
    }

    // The states' records from the trie. Children were created in character order per parent (the patterns are sorted)
    // and numbering by depth keeps that order, so counting children by parent gives every state's first child, its
    // children already sorted by their edges' characters.
    private static StateRecord[] BuildRecords(TrieBuilder trie)
    {
        var states = trie.Count;
        var records = new StateRecord[states + 1];
        for (var s = 1; s < states; s++)
        {
            records[trie.Parents[s] + 1].FirstChild++;
        }

        records[Root].FirstChild = 1;
        for (var s = 0; s < states; s++)
        {
            records[s + 1].FirstChild += records[s].FirstChild;
            records[s].Pattern = trie.Patterns[s];
            records[s].Edge = s == Root ? '\0' : trie.EdgeChars[s - 1];
        }

        records[states].Pattern = -1;
        return records;
    }

    // States are numbered by depth, so every failure target, and its output link, is final before a deeper state uses
    // it. Fills the links' bits and block counts; returns the links' targets.
    private int[] LinkFailures(TrieBuilder trie)
    {
        var targets = new List<int>();
        for (var s = trie.DepthStarts.Length > 2 ? trie.DepthStarts[2] : trie.Count; s < trie.Count; s++)
        {
            // The root and its children fail to the root, which has no pattern.
            if ((s & 63) == 0)
            {
                _linkRanks[s >> 6] = targets.Count;
            }

            var target = EdgeAfterFailures(_failure[trie.Parents[s]], _states[s].Edge);
            _failure[s] = target;
            var link = _states[target].Pattern >= 0 ? target : OutputLink(_linked, _linkRanks, CollectionsMarshal.AsSpan(targets), target);
            if (link >= 0)
            {
                _linked[s >> 6] |= 1UL << s;
                targets.Add(link);
            }
        }

        return [.. targets];
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

    // A state of the trie as the walks read it: where its children start, the pattern ending there (or, for a state
    // below which the trie is a single path to one pattern's end with no other pattern on the way, TailOf that pattern;
    // else -1), and the character of the edge into it. The character sits in the child's record rather than in an array
    // of edges, so the search for the edge to follow reads the children's records and the one it finds holds the next
    // step's pattern and children: a step touches one run of adjacent records (one cache line for a state with a few
    // children) instead of an offsets array, an edges array and a patterns array. Ten bytes, as the three arrays took.
    [StructLayout(LayoutKind.Sequential, Pack = 2)]
    private struct StateRecord
    {
        public int FirstChild;
        public int Pattern;
        public char Edge;
    }

    // The trie of the patterns, its states numbered by depth and, within a depth, in the patterns' ordinal order (the
    // root is state 0). With the patterns sorted, the states of each depth are created in that order, so each is given
    // its final number when it is created: a first pass counts the states per depth, a second one creates them. No
    // state is numbered twice and nothing is copied to renumber it, so the arrays are only the ones the automaton keeps
    // (the edges' characters, the patterns) and the parents.
    private sealed class TrieBuilder
    {
        public TrieBuilder(IReadOnlyList<string> texts, int[] order)
        {
            // How many characters each pattern shares with the one before it (empty ones are skipped).
            var shared = new int[order.Length];
            var previous = string.Empty;
            for (var k = 0; k < order.Length; k++)
            {
                var text = texts[order[k]];
                if (text.Length > 0)
                {
                    shared[k] = text.AsSpan().CommonPrefixLength(previous);
                    Longest = Math.Max(Longest, text.Length);
                    previous = text;
                }
            }

            // A pattern adds a state at each depth past the characters it shares: count them, then where each depth starts.
            DepthStarts = new int[Longest + 2];
            DepthStarts[1] = 1;
            for (var k = 0; k < order.Length; k++)
            {
                var length = texts[order[k]].Length;
                for (var depth = shared[k] + 1; depth <= length; depth++)
                {
                    DepthStarts[depth + 1]++;
                }
            }

            for (var depth = 1; depth <= Longest; depth++)
            {
                DepthStarts[depth + 1] += DepthStarts[depth];
            }

            Count = DepthStarts[Longest + 1];
            Parents = new int[Count];
            EdgeChars = new char[Count - 1];
            Patterns = new int[Count];
            Array.Fill(Patterns, -1);

            // The next number at each depth, and the states on the path of the pattern before.
            var next = DepthStarts[..^1];
            var path = new int[Longest + 1];
            for (var k = 0; k < order.Length; k++)
            {
                var text = texts[order[k]];
                if (text.Length == 0)
                {
                    continue;
                }

                for (var i = shared[k]; i < text.Length; i++)
                {
                    var state = next[i + 1]++;
                    Parents[state] = path[i];
                    EdgeChars[state - 1] = text[i];
                    path[i + 1] = state;
                }

                Patterns[path[text.Length]] = order[k];
            }
        }

        public int Count { get; }

        // The length of the longest pattern.
        public int Longest { get; }

        // The first state of each depth, and the number of states past the last depth.
        public int[] DepthStarts { get; }

        public int[] Parents { get; }

        // The character of the edge into each state but the root: state s at s - 1.
        public char[] EdgeChars { get; }

        // The pattern ending in each state, or -1.
        public int[] Patterns { get; }
    }
}

/// <summary>Receives a pattern found by <see cref="AhoCorasick.Scan{TState}"/>.</summary>
internal delegate void MatchHandler<TState>(ref TState state, int pattern);
