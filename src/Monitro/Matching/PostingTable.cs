using System.Runtime.CompilerServices;

namespace Monitro.Matching;

/// <summary>
/// A table from key to the ids of the watches indexed by it, filled in one pass (ids ascending) and then frozen
/// into exact-size arrays; looked up by span without allocating.
/// </summary>
internal sealed class PostingTable
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<int> _entrySlots = [];
    private readonly List<int> _entryIds = [];
    private readonly List<int> _lastId = [];
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int[][] _postings = [];

    /// <summary>Gets the number of distinct keys.</summary>
    public int Count => _slots.Count;

    /// <summary>Gets the keys in the order of their slots.</summary>
    public IEnumerable<string> Keys => _slots.OrderBy(p => p.Value).Select(p => p.Key);

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
        _lookup = _slots.GetAlternateLookup<ReadOnlySpan<char>>();
        return this;
    }

    /// <summary>Gets the ids indexed by a key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ReadOnlySpan<char> key, out int[] postings)
    {
        if (_slots.Count > 0 && _lookup.TryGetValue(key, out var slot))
        {
            postings = _postings[slot];
            return true;
        }

        postings = [];
        return false;
    }
}
