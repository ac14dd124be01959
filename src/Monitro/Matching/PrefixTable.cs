using System.Runtime.CompilerServices;

namespace Monitro.Matching;

/// <summary>
/// The prefix terms of indexed watches in a sorted array, answering "which of them does this word start with" with
/// one lookup of the word's first two characters and, for a word that begins like some key, one binary search.
/// </summary>
/// <remarks>
/// <para>Every prefix of a word that is in the table is also a prefix of the greatest key not after the word: any key
/// sorted between a prefix <c>k</c> of the word and the word itself starts with <c>k</c>. So the search finds that
/// key, and each key keeps a link to the longest other key that is a prefix of it; following the links from the
/// found key and keeping the keys no longer than its common prefix with the word yields exactly the keys the word
/// starts with.</para>
/// <para>Immutable after construction and safe to share between threads.</para>
/// </remarks>
internal sealed class PrefixTable
{
    private readonly string[] _keys;
    private readonly PostingTable _postings;

    // For each key in sorted order: its slot in the posting table.
    private readonly int[] _slots;

    // For each key: the index of the longest other key that is a prefix of it, or -1.
    private readonly int[] _parent;

    // The slice of keys beginning with each pair of characters (prefix terms have at least three), so most words,
    // which begin like no key, cost one lookup of an integer; null if some key is shorter than two characters.
    private readonly Dictionary<int, (int Start, int End)>? _slices;

    /// <summary>Builds the table from a frozen posting table of prefix keys.</summary>
    public PrefixTable(PostingTable prefixes)
    {
        _postings = prefixes;
        _keys = [.. prefixes.Keys];
        _slots = new int[_keys.Length];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = i;
        }

        Array.Sort(_keys, _slots, StringComparer.Ordinal);

        // In sorted order a key's prefixes come before it; the stack holds the chain of keys that are prefixes of each other.
        _parent = new int[_keys.Length];
        var chain = new Stack<int>();
        for (var i = 0; i < _keys.Length; i++)
        {
            while (chain.Count > 0 && !_keys[i].StartsWith(_keys[chain.Peek()], StringComparison.Ordinal))
            {
                chain.Pop();
            }

            _parent[i] = chain.Count > 0 ? chain.Peek() : -1;
            chain.Push(i);
        }

        if (_keys.All(static key => key.Length >= 2))
        {
            _slices = [];
            for (var i = 0; i < _keys.Length; i++)
            {
                var head = Head(_keys[i]);
                _slices[head] = _slices.TryGetValue(head, out var slice) ? (slice.Start, i + 1) : (i, i + 1);
            }
        }
    }

    /// <summary>Gets the number of prefix keys.</summary>
    public int Count => _keys.Length;

    /// <summary>Adds the watches of every key that <paramref name="word"/> starts with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Collect(ReadOnlySpan<char> word, CandidateSet candidates, int offset)
    {
        int start = 0, end = _keys.Length;
        if (_slices is not null)
        {
            if (word.Length < 2 || !_slices.TryGetValue(Head(word), out var slice))
            {
                return;
            }

            (start, end) = slice;
        }

        var found = GreatestNotAfter(word, start, end);
        if (found < 0)
        {
            return;
        }

        var shared = word.CommonPrefixLength(_keys[found]);
        for (var key = found; key >= 0; key = _parent[key])
        {
            if (_keys[key].Length <= shared)
            {
                candidates.AddAll(_postings[_slots[key]], offset);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Head(ReadOnlySpan<char> text) => (text[0] << 16) | text[1];

    // The index of the greatest key of [start, end) that sorts before or equal to the word, or -1.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int GreatestNotAfter(ReadOnlySpan<char> word, int start, int end)
    {
        int low = start, high = end - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (_keys[middle].AsSpan().SequenceCompareTo(word) <= 0)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
