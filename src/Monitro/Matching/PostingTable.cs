using System.Numerics;
using System.Runtime.CompilerServices;

namespace Monitro.Matching;

/// <summary>
/// A table from key to the ids of the watches indexed by it, filled in one pass (ids ascending) and then frozen
/// into exact-size arrays; looked up by span without allocating.
/// </summary>
/// <remarks>
/// The frozen table is probed by its own loop rather than through a dictionary's span lookup: that lookup is a
/// shared generic instantiation which the runtime first compiles unoptimized and, on a process with one CPU,
/// optimizes only seconds later, while this loop is compiled optimized at its first call, like the rest of the
/// per-post path.
/// </remarks>
internal sealed class PostingTable
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<int> _entrySlots = [];
    private readonly List<int> _entryIds = [];
    private readonly List<int> _lastId = [];
    private int[][] _postings = [];

    // The frozen lookup: keys and their hashes by slot, and an open-addressing table of slot + 1 (0 is empty).
    private string[] _keys = [];
    private int[] _hashes = [];
    private int[] _table = [0];

    private bool _frozen;

    /// <summary>Gets the number of distinct keys.</summary>
    public int Count => _frozen ? _keys.Length : _slots.Count;

    /// <summary>Gets the keys in the order of their slots.</summary>
    public IEnumerable<string> Keys => _frozen ? _keys : _slots.OrderBy(p => p.Value).Select(p => p.Key);

    /// <summary>Gets the ids of a slot.</summary>
    public int[] this[int slot] => _postings[slot];

    /// <summary>Adds an id to a key; ids must be added in ascending order.</summary>
    public void Add(string key, int id)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = _slots.Count;
            _slots.Add(key, slot);
            _lastId.Add(-1);
        }

        if (_lastId[slot] != id)
        {
            _lastId[slot] = id;
            _entrySlots.Add(slot);
            _entryIds.Add(id);
        }
    }

    /// <summary>Turns the added entries into posting arrays; call once, after the last <see cref="Add"/>.</summary>
    public PostingTable Freeze()
    {
        var counts = new int[_slots.Count];
        foreach (var slot in _entrySlots)
        {
            counts[slot]++;
        }

        _postings = new int[_slots.Count][];
        for (var slot = 0; slot < counts.Length; slot++)
        {
            _postings[slot] = new int[counts[slot]];
            counts[slot] = 0;
        }

        for (var entry = 0; entry < _entrySlots.Count; entry++)
        {
            var slot = _entrySlots[entry];
            _postings[slot][counts[slot]++] = _entryIds[entry];
        }

        _entrySlots.Clear();
        _entrySlots.TrimExcess();
        _entryIds.Clear();
        _entryIds.TrimExcess();
        _lastId.Clear();
        _lastId.TrimExcess();
        BuildLookup();

        // The frozen lookup replaces the dictionary, which would only hold the same keys twice.
        _slots.Clear();
        _slots.TrimExcess();
        _frozen = true;
        return this;
    }

    private void BuildLookup()
    {
        _keys = new string[_slots.Count];
        _hashes = new int[_slots.Count];
        _table = new int[Math.Max(1, (int)BitOperations.RoundUpToPowerOf2((uint)_slots.Count * 2))];
        var mask = _table.Length - 1;
        foreach (var (key, slot) in _slots)
        {
            var hash = string.GetHashCode(key.AsSpan());
            _keys[slot] = key;
            _hashes[slot] = hash;
            var i = hash & mask;
            while (_table[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _table[i] = slot + 1;
        }
    }

    /// <summary>Gets the ids indexed by a key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ReadOnlySpan<char> key, out int[] postings)
    {
        var hash = string.GetHashCode(key);
        var table = _table;
        var mask = table.Length - 1;
        for (var i = hash & mask; table[i] != 0; i = (i + 1) & mask)
        {
            var slot = table[i] - 1;
            if (_hashes[slot] == hash && key.SequenceEqual(_keys[slot]))
            {
                postings = _postings[slot];
                return true;
            }
        }

        postings = [];
        return false;
    }
}
