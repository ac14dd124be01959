using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Monitro.Matching;

/// <summary>
/// A pre-pass in front of the anchors' automaton that finds the few positions of a text where an anchor may start, so
/// the automaton's trie is walked only there: a text without any anchor is read once, many characters at a time, and
/// never stepped through the automaton.
/// </summary>
/// <remarks>
/// <para>Each character is mapped to one byte: ASCII lower-cased (a text the automaton reads as written has no
/// capital that matches an anchor, so lower-casing it only adds positions to look at), any other character to a byte
/// above ASCII derived from its code (equal characters map to equal bytes). An anchor of length <c>n</c> can start
/// at a position only if the <c>min(n, 8)</c> bytes there are its first bytes. Two tests follow from that:</para>
/// <list type="number">
/// <item>Every byte of the window is one that some anchor has, so a position must start a run of such bytes as long
/// as the shortest anchor (<see cref="Window"/> at most). The bytes anchors have are kept as up to
/// <see cref="MaximumRanges"/> ranges (merged over the smallest gaps, which only adds positions), tested on 32 bytes at
/// once where the processor has vectors. In ordinary text this rules out every position whose word is shorter than
/// the shortest anchor, and every position whose window crosses a space or punctuation.</item>
/// <item>The window's first bytes, for each length of window the anchors have, are looked up in a blocked Bloom
/// filter of the anchors' first bytes (two bits of one 64-bit word per anchor, about <see cref="BitsPerAnchor"/> bits
/// per anchor), which rules out nearly all the rest.</item>
/// </list>
/// <para>A position that passes both is checked by walking the automaton's trie from its root along the text
/// (<see cref="AhoCorasick.StartsWithPattern"/>), which is exact; so the answers are the automaton's, never a guess.
/// Built only when every anchor has at least <see cref="MinimumAnchorLength"/> characters: with shorter ones nearly
/// every position of a text would pass the first test.</para>
/// </remarks>
internal sealed class AnchorWindowFilter
{
    /// <summary>The most characters of an anchor's start a window holds (one 64-bit word of bytes).</summary>
    internal const int Window = 8;

    /// <summary>The shortest anchor the filter is built for.</summary>
    internal const int MinimumAnchorLength = 4;

    /// <summary>The most ranges of bytes the first test keeps.</summary>
    internal const int MaximumRanges = 4;

    /// <summary>The Bloom filter's bits per anchor (rounded up to a power of two, within its limits).</summary>
    internal const int BitsPerAnchor = 32;

    private const int MinimumBloomWords = 64;
    private const int MaximumBloomWords = 1 << 16;

    // Positions tested per block: a post is one block; a long text is read in blocks, so the buffers stay on the stack.
    private const int BlockLength = 256;
    private const int BlockWords = (BlockLength / 64) + 1;
    private const int BlockBytes = BlockLength + Window + 32;

    // Odd multipliers, one per window length, so windows of different lengths hash apart.
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    private readonly ulong[] _bloom;
    private readonly int _bloomShift;
    private readonly ulong[] _windowMasks;
    private readonly ulong[] _multipliers;
    private readonly int _shortest;
    private readonly bool[] _anchorBytes = new bool[256];
    private readonly byte[] _rangeLow;
    private readonly byte[] _rangeWidth;

    private AnchorWindowFilter(IReadOnlyList<string> patterns, int shortest, int count)
    {
        _shortest = Math.Min(shortest, Window);
        var lengths = 0;
        foreach (var pattern in patterns)
        {
            if (pattern.Length == 0)
            {
                continue;
            }

            lengths |= 1 << Math.Min(pattern.Length, Window);
            foreach (var c in pattern)
            {
                _anchorBytes[Map(c)] = true;
            }
        }

        (_rangeLow, _rangeWidth) = Ranges(_anchorBytes);

        // The first test passes every byte in a range, so the table the scalar path reads says what the ranges say.
        for (var i = 0; i < _rangeLow.Length; i++)
        {
            Array.Fill(_anchorBytes, true, _rangeLow[i], _rangeWidth[i] + 1);
        }

        _windowMasks = new ulong[BitOperations.PopCount((uint)lengths)];
        _multipliers = new ulong[_windowMasks.Length];
        var windowIndex = new int[Window + 1];
        var next = 0;
        for (var length = 1; length <= Window; length++)
        {
            if ((lengths & (1 << length)) != 0)
            {
                windowIndex[length] = next;
                _windowMasks[next] = length == Window ? ulong.MaxValue : (1UL << (8 * length)) - 1;
                _multipliers[next] = Multiplier + ((ulong)length << 33) + ((ulong)length << 1);
                next++;
            }
        }

        var words = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, (long)count * BitsPerAnchor / 64)), MinimumBloomWords, MaximumBloomWords);
        _bloom = new ulong[words];
        _bloomShift = 64 - BitOperations.Log2((uint)words);
        Span<byte> start = stackalloc byte[Window];
        foreach (var pattern in patterns)
        {
            if (pattern.Length == 0)
            {
                continue;
            }

            start.Clear();
            var length = Math.Min(pattern.Length, Window);
            for (var i = 0; i < length; i++)
            {
                start[i] = Map(pattern[i]);
            }

            var w = windowIndex[length];
            var (word, bits) = Hash(MemoryMarshal.Read<ulong>(start) & _windowMasks[w], _multipliers[w]);
            _bloom[word] |= bits;
        }
    }

    /// <summary>Gets the bytes the filter takes.</summary>
    internal int Bytes => (_bloom.Length * sizeof(ulong)) + _anchorBytes.Length + (_windowMasks.Length * 2 * sizeof(ulong));

    /// <summary>Builds the filter of the automaton's patterns, or returns <see langword="null"/> when some pattern is too short for it.</summary>
    /// <param name="patterns">The patterns of the automaton, numbered as it numbers them; empty ones are ignored.</param>
    public static AnchorWindowFilter? TryBuild(IReadOnlyList<string> patterns)
    {
        var shortest = int.MaxValue;
        var count = 0;
        foreach (var pattern in patterns)
        {
            if (pattern.Length > 0)
            {
                shortest = Math.Min(shortest, pattern.Length);
                count++;
            }
        }

        return count > 0 && shortest >= MinimumAnchorLength ? new AnchorWindowFilter(patterns, shortest, count) : null;
    }

    /// <summary>Returns whether any of <paramref name="automaton"/>'s patterns occurs in <paramref name="text"/>.</summary>
    /// <param name="automaton">The automaton of the patterns the filter was built from.</param>
    /// <param name="text">The text.</param>
    /// <param name="lowerAscii">Whether to read ASCII capitals as small letters.</param>
    /// <param name="vectors">Whether to map characters with vector instructions (else one at a time; the same result).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ContainsAny(AhoCorasick automaton, ReadOnlySpan<char> text, bool lowerAscii, bool vectors)
    {
        var find = new FindFirst(automaton, text, lowerAscii);
        return !Walk(text, vectors, ref find);
    }

    /// <summary>
    /// Writes every occurrence of <paramref name="automaton"/>'s patterns in <paramref name="text"/>, read with ASCII
    /// capitals as small letters, to <paramref name="hits"/> in the order the automaton reports them: by end, and the
    /// longest first among those that end together.
    /// </summary>
    /// <returns>The number of occurrences, or -1 when there are more than <paramref name="hits"/> holds.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CollectHits(AhoCorasick automaton, ReadOnlySpan<char> text, Span<AnchorHit> hits, bool vectors)
    {
        var collect = new CollectAll(automaton, text, hits);
        if (!Walk(text, vectors, ref collect))
        {
            return -1;
        }

        // Found by start, each start's by end: a stable sort by end puts the longer of two that end together first.
        var count = collect.Count;
        for (var i = 1; i < count; i++)
        {
            var hit = hits[i];
            var j = i - 1;
            for (; j >= 0 && hits[j].End > hit.End; j--)
            {
                hits[j + 1] = hits[j];
            }

            hits[j + 1] = hit;
        }

        return count;
    }

    /// <summary>
    /// Counts, for a text, the positions that pass the first test and those that pass both (for measurements and tests).
    /// </summary>
    internal (int Runs, int Windows) CountCandidates(ReadOnlySpan<char> text, bool vectors)
    {
        var count = default(CountPositions);
        Walk(text, vectors, ref count);
        return (count.Runs, count.Windows);
    }

    // The walk shared by the scans: reads the text in blocks and hands each position that passes the first test, in text
    // order, to the action with whether it passes the second; false as soon as the action asks to stop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Walk<TAction>(ReadOnlySpan<char> text, bool vectors, ref TAction action)
        where TAction : struct, IPositionAction, allows ref struct
    {
        var last = text.Length - _shortest;
        Span<byte> bytes = stackalloc byte[BlockBytes];
        Span<ulong> candidates = stackalloc ulong[BlockWords];
        for (var from = 0; from <= last; from += BlockLength)
        {
            var positions = Math.Min(BlockLength, last - from + 1);
            FindCandidates(text[from..Math.Min(text.Length, from + positions + Window - 1)], positions, bytes, candidates, vectors);
            for (var w = 0; w < BlockWords; w++)
            {
                for (var bits = candidates[w]; bits != 0; bits &= bits - 1)
                {
                    var at = (w * 64) + BitOperations.TrailingZeroCount(bits);
                    if (!action.At(from + at, MayStartAt(bytes, at)))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    // The byte a character is read as: ASCII lower-cased, any other character a byte above ASCII from its code.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte Map(char c) =>
        c < 0x80 ? (byte)(char.IsAsciiLetterUpper(c) ? c | 0x20 : c) : (byte)(0x80 | ((c ^ (c >> 7) ^ (c >> 14)) & 0x7F));

    // Maps the chars to bytes (zeros after them) and marks in candidates the first positions of the block that start a
    // run of anchor bytes as long as the shortest anchor.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FindCandidates(ReadOnlySpan<char> chars, int positions, Span<byte> bytes, Span<ulong> candidates, bool vectors)
    {
        candidates.Clear();
        var i = vectors && Vector256.IsHardwareAccelerated ? MapVectors(chars, bytes, candidates) : 0;
        for (; i < chars.Length; i++)
        {
            var b = Map(chars[i]);
            bytes[i] = b;
            if (_anchorBytes[b])
            {
                candidates[i >> 6] |= 1UL << i;
            }
        }

        bytes.Slice(chars.Length, Window).Clear();

        // A run of at least `have` marks at each position, doubled (or as far as needed) by AND-ing with itself shifted.
        for (var have = 1; have < _shortest;)
        {
            var shift = Math.Min(have, _shortest - have);
            for (var w = 0; w < BlockWords - 1; w++)
            {
                candidates[w] &= (candidates[w] >> shift) | (candidates[w + 1] << (64 - shift));
            }

            candidates[BlockWords - 1] &= candidates[BlockWords - 1] >> shift;
            have += shift;
        }

        // Only the block's own positions: the marks after them were read for the runs only.
        var end = positions >> 6;
        candidates[end] &= (1UL << (positions & 63)) - 1;
        candidates[(end + 1)..].Clear();
    }

    // Maps 32 characters at a time and tests their bytes against the ranges; returns how many characters it mapped.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int MapVectors(ReadOnlySpan<char> chars, Span<byte> bytes, Span<ulong> candidates)
    {
        ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(chars));
        ref var target = ref MemoryMarshal.GetReference(bytes);
        var low0 = Vector256.Create(_rangeLow[0]);
        var low1 = Vector256.Create(_rangeLow[1]);
        var low2 = Vector256.Create(_rangeLow[2]);
        var low3 = Vector256.Create(_rangeLow[3]);
        var width0 = Vector256.Create(_rangeWidth[0]);
        var width1 = Vector256.Create(_rangeWidth[1]);
        var width2 = Vector256.Create(_rangeWidth[2]);
        var width3 = Vector256.Create(_rangeWidth[3]);
        var i = 0;
        for (; i + 32 <= chars.Length; i += 32)
        {
            var mapped = Vector256.Narrow(
                MapVector(Vector256.LoadUnsafe(ref source, (nuint)i)),
                MapVector(Vector256.LoadUnsafe(ref source, (nuint)(i + 16))));
            mapped.StoreUnsafe(ref target, (nuint)i);
            var inRanges = Vector256.LessThanOrEqual(mapped - low0, width0)
                | Vector256.LessThanOrEqual(mapped - low1, width1)
                | Vector256.LessThanOrEqual(mapped - low2, width2)
                | Vector256.LessThanOrEqual(mapped - low3, width3);
            candidates[i >> 6] |= (ulong)inRanges.ExtractMostSignificantBits() << (i & 63);
        }

        return i;
    }

    // Map, on 16 characters (each result below 256, narrowed to a byte by the caller).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> MapVector(Vector256<ushort> c)
    {
        var capital = Vector256.LessThanOrEqual(c - Vector256.Create((ushort)'A'), Vector256.Create((ushort)('Z' - 'A')));
        var ascii = c | (capital & Vector256.Create((ushort)0x20));
        var other = ((c ^ Vector256.ShiftRightLogical(c, 7) ^ Vector256.ShiftRightLogical(c, 14)) & Vector256.Create((ushort)0x7F)) | Vector256.Create((ushort)0x80);
        return Vector256.ConditionalSelect(Vector256.LessThan(c, Vector256.Create((ushort)0x80)), ascii, other);
    }

    // The second test: whether some anchor's first bytes (as many as it has, up to a window) may be those at the position.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayStartAt(ReadOnlySpan<byte> bytes, int at)
    {
        var window = MemoryMarshal.Read<ulong>(bytes[at..]);
        for (var w = 0; w < _windowMasks.Length; w++)
        {
            var (word, bits) = Hash(window & _windowMasks[w], _multipliers[w]);
            if ((_bloom[word] & bits) == bits)
            {
                return true;
            }
        }

        return false;
    }

    // The Bloom filter's word (from the top bits) and its two bits (from the middle ones) for a window's bytes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Word, ulong Bits) Hash(ulong key, ulong multiplier)
    {
        var h = (key ^ (key >> 29)) * multiplier;
        return ((int)(h >> _bloomShift), (1UL << (int)(h >> 26)) | (1UL << (int)(h >> 32)));
    }

    // The bytes anchors have as at most MaximumRanges ranges (low, width = high - low), merged over the smallest gaps;
    // unused ranges repeat the first, so a vector test can always read four.
    private static (byte[] Low, byte[] Width) Ranges(bool[] present)
    {
        var ranges = new List<(int Low, int High)>();
        for (var b = 0; b < present.Length; b++)
        {
            if (!present[b])
            {
                continue;
            }

            if (ranges.Count > 0 && ranges[^1].High == b - 1)
            {
                ranges[^1] = (ranges[^1].Low, b);
            }
            else
            {
                ranges.Add((b, b));
            }
        }

        while (ranges.Count > MaximumRanges)
        {
            var narrowest = 0;
            for (var r = 1; r < ranges.Count - 1; r++)
            {
                if (ranges[r + 1].Low - ranges[r].High < ranges[narrowest + 1].Low - ranges[narrowest].High)
                {
                    narrowest = r;
                }
            }

            ranges[narrowest] = (ranges[narrowest].Low, ranges[narrowest + 1].High);
            ranges.RemoveAt(narrowest + 1);
        }

        var low = new byte[MaximumRanges];
        var width = new byte[MaximumRanges];
        for (var r = 0; r < MaximumRanges; r++)
        {
            var (from, to) = ranges[Math.Min(r, ranges.Count - 1)];
            (low[r], width[r]) = ((byte)from, (byte)(to - from));
        }

        return (low, width);
    }

    // What the walk does at a position that passes the first test.
    private interface IPositionAction
    {
        // Acts at a position; window says whether it passes the second test. Returns false to end the walk.
        bool At(int position, bool window);
    }

    // Stops at the first position where a pattern starts.
    private readonly ref struct FindFirst(AhoCorasick automaton, ReadOnlySpan<char> text, bool lowerAscii) : IPositionAction
    {
        private readonly ReadOnlySpan<char> _text = text;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool At(int position, bool window) => !window || !automaton.StartsWithPattern(_text, position, lowerAscii);
    }

    // Collects every pattern starting at each position, by start; stops when the hits are full.
    private ref struct CollectAll(AhoCorasick automaton, ReadOnlySpan<char> text, Span<AnchorHit> hits) : IPositionAction
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly Span<AnchorHit> _hits = hits;

        public int Count { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool At(int position, bool window)
        {
            if (window)
            {
                Count = automaton.CollectStartingAt(_text, position, _hits, Count);
            }

            return Count >= 0;
        }
    }

    // Counts the positions of each test.
    private struct CountPositions : IPositionAction
    {
        public int Runs { get; private set; }

        public int Windows { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool At(int position, bool window)
        {
            Runs++;
            Windows += window ? 1 : 0;
            return true;
        }
    }
}
