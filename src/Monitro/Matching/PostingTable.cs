using System.Numerics;
using System.Runtime.CompilerServices;

namespace Monitro.Matching;

/// <summary>
/// A table from key to the ids of the watches indexed by it, filled in one pass (ids ascending) and then frozen
/// into one array of ids per table (each key a slice of it); looked up by span without allocating.
/// </summary>
/// <remarks>
/// <para>The table is its own open-addressing hash table rather than a dictionary: it is probed by a loop that is
/// compiled optimized at its first call (a dictionary's span lookup is a shared generic instantiation which the
/// runtime first compiles unoptimized and, on a process with one CPU, optimizes only seconds later), and building it
/// costs no entry object per key and no second hashing when it is frozen.</para>
/// <para>Frozen, a key costs its reference, its start in the id array and about two 8-byte table slots that carry its
/// hash (about 28 bytes) plus 4 bytes per id: most keys have one watch, and an array per key would add 32 bytes to each.</para>
/// </remarks>
internal sealed class PostingTable
{
    private const int NoId = -1;

    // By slot: the key; an open-addressing table, at most half full, of entries that hold the key's hash in their high
    // half and slot + 1 in their low half (0 is empty). With the hash beside the slot, a probe for a key the table does
    // not hold (most words of a post) usually reads one cache line of the table and nothing else.
    private string[] _keys;
    private long[] _table;
    private int _count;

    // While filling: the (slot, id) entries in the order added, and the last id added to each slot.
    private int[] _entrySlots;
    private int[] _entryIds;
    private int _entryCount;
    private int[] _lastId;

    // Frozen: the ids of slot s are _ids[_starts[s] .. _starts[s + 1]).
    private int[] _starts = [0];
    private int[] _ids = [];
    private bool _frozen;

    /// <summary>Initializes an empty table with room for about <paramref name="expectedKeys"/> keys before it grows.</summary>
    public PostingTable(int expectedKeys = 0)
    {
        var capacity = Math.Max(expectedKeys, 4);
        _keys = new string[capacity];
        _lastId = new int[capacity];
        _table = new long[TableSize(capacity)];
        _entrySlots = new int[capacity];
        _entryIds = new int[capacity];
    }

    /// <summary>Gets the number of distinct keys.</summary>
    public int Count => _count;

    /// <summary>Gets the keys in the order of their slots (exactly <see cref="Count"/> of them once frozen).</summary>
    public IReadOnlyList<string> Keys => _frozen ? _keys : _keys[.._count];

    /// <summary>Gets the ids of a slot of a frozen table.</summary>
    public ReadOnlySpan<int> this[int slot] => _ids.AsSpan(_starts[slot], _starts[slot + 1] - _starts[slot]);

    /// <summary>Adds an id to a key; ids must be added in ascending order.</summary>
    public void Add(string key, int id)
    {
        var hash = string.GetHashCode(key.AsSpan());
        var slot = Find(key, hash);
        if (slot < 0)
        {
            slot = Insert(key, hash);
        }

        if (_lastId[slot] != id)
        {
            _lastId[slot] = id;
            if (_entryCount == _entryIds.Length)
            {
                Array.Resize(ref _entrySlots, _entryCount * 2);
                Array.Resize(ref _entryIds, _entryCount * 2);
            }

            _entrySlots[_entryCount] = slot;
            _entryIds[_entryCount++] = id;
        }
    }

    /// <summary>Turns the added entries into the id array; call once, after the last <see cref="Add"/>.</summary>
    public PostingTable Freeze()
    {
        _starts = new int[_count + 1];
        for (var entry = 0; entry < _entryCount; entry++)
        {
            _starts[_entrySlots[entry] + 1]++;
        }

        for (var slot = 0; slot < _count; slot++)
        {
            _starts[slot + 1] += _starts[slot];
        }

        // Entries were added with ascending ids, so each slot's ids come out ascending.
        _ids = new int[_entryCount];
        var fill = _lastId;
        Array.Copy(_starts, fill, _count);
        for (var entry = 0; entry < _entryCount; entry++)
        {
            _ids[fill[_entrySlots[entry]]++] = _entryIds[entry];
        }

        _entrySlots = _entryIds = _lastId = [];
        _entryCount = 0;
        if (_keys.Length != _count)
        {
            Array.Resize(ref _keys, _count);
        }

        if (_table.Length != TableSize(_count))
        {
            Rehash(TableSize(_count));
        }

        _frozen = true;
        return this;
    }

    /// <summary>Gets the ids indexed by a key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ReadOnlySpan<char> key, out ReadOnlySpan<int> postings) =>
        TryGetValue(key, string.GetHashCode(key), out postings);

    /// <summary>Gets the ids indexed by a key whose hash (<c>string.GetHashCode</c> of the key) is known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ReadOnlySpan<char> key, int hash, out ReadOnlySpan<int> postings)
    {
        var slot = Find(key, hash);
        if (slot < 0 || !_frozen)
        {
            postings = [];
            return false;
        }

        postings = _ids.AsSpan(_starts[slot], _starts[slot + 1] - _starts[slot]);
        return true;
    }

    // A power of two at least twice the number of keys, so probe sequences stay short.
    private static int TableSize(int keys) => Math.Max(2, (int)BitOperations.RoundUpToPowerOf2((uint)keys * 2));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ReadOnlySpan<char> key, int hash)
    {
        var table = _table;
        var mask = table.Length - 1;
        for (var i = hash & mask; table[i] != 0; i = (i + 1) & mask)
        {
            var entry = table[i];
            if ((int)(entry >> 32) == hash)
            {
                var slot = (int)entry - 1;
                if (key.SequenceEqual(_keys[slot]))
                {
                    return slot;
                }
            }
        }

        return -1;
    }

    private int Insert(string key, int hash)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _lastId, _count * 2);
        }

        if ((_count + 1) * 2 > _table.Length)
        {
            Rehash(_table.Length * 2);
        }

        var slot = _count++;
        _keys[slot] = key;
        _lastId[slot] = NoId;
        Place(_table, ((long)hash << 32) | (uint)(slot + 1));
        return slot;
    }

    private void Rehash(int size)
    {
        var table = new long[size];
        foreach (var entry in _table)
        {
            if (entry != 0)
            {
                Place(table, entry);
            }
        }

        _table = table;
    }

    private static void Place(long[] table, long entry)
    {
        var mask = table.Length - 1;
        var i = (int)(entry >> 32) & mask;
        while (table[i] != 0)
        {
            i = (i + 1) & mask;
        }

        table[i] = entry;
    }
}
