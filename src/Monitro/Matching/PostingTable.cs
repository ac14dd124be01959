using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
/// <para>A large table (<see cref="FilterMinimumKeys"/> keys or more) also keeps a bit per hash bucket, about a byte per
/// key, set for the buckets of its keys. Most words of a post are in no table, and the table of 100,000 watches' words
/// spans megabytes, so each such probe was a read from memory; the bits of the same keys span a few hundred kilobytes,
/// which stay in the core's cache, and a word whose bit is clear is answered without reading the table.</para>
/// <para>A very large table (<see cref="InlineMinimumKeys"/> keys or more) also keeps each key's characters and ids
/// together in one record, which its table slot points to. A word the table holds (a few per post at 100,000 watches)
/// then costs two reads from memory, its slot and its record, instead of five: the slot, the key's reference, the
/// key's characters, its start in the id array and the ids. The records cost about 18 bytes per key more.</para>
/// </remarks>
internal sealed class PostingTable
{
    /// <summary>The number of keys from which a frozen table keeps a bit per hash bucket in front of its slots.</summary>
    /// <remarks>Below it the table's slots span at most a quarter of a megabyte and stay in cache themselves.</remarks>
    public const int FilterMinimumKeys = 16_384;

    /// <summary>The number of keys from which a frozen table keeps each key's characters and ids in one record.</summary>
    /// <remarks>Below it the tables span a megabyte or less and mostly stay in the cache; the records would only cost memory.</remarks>
    public const int InlineMinimumKeys = 65_536;

    private const int NoId = -1;

    // A record: its id count, the key's length, the key's characters two to an int, then the ids.
    private const int RecordHeader = 2;

    // Buckets of the filter per key, rounded up to a power of two: a clear bit answers about seven in eight of the
    // probes for keys the table does not hold.
    private const int FilterBucketsPerKey = 8;

    private readonly int _filterMinimumKeys;
    private readonly int _inlineMinimumKeys;

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

    // Frozen, with InlineMinimumKeys keys or more: the records, and the offset of each slot's record; the table's
    // entries then hold a record's offset + 1 instead of its slot + 1. Else null.
    private int[]? _records;
    private int[]? _recordOf;

    // Frozen, with FilterMinimumKeys keys or more: a bit per bucket of hashes, set for each key's bucket; else null.
    private ulong[]? _filter;
    private int _filterShift;

    /// <summary>Initializes an empty table with room for about <paramref name="expectedKeys"/> keys before it grows.</summary>
    /// <param name="expectedKeys">The number of keys to make room for.</param>
    /// <param name="filterMinimumKeys">The number of keys from which the frozen table keeps its filter (tests lower it).</param>
    /// <param name="inlineMinimumKeys">The number of keys from which the frozen table keeps its keys and ids in records (tests lower it).</param>
    public PostingTable(int expectedKeys = 0, int filterMinimumKeys = FilterMinimumKeys, int inlineMinimumKeys = InlineMinimumKeys)
    {
        _filterMinimumKeys = filterMinimumKeys;
        _inlineMinimumKeys = inlineMinimumKeys;
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
    public ReadOnlySpan<int> this[int slot] =>
        _recordOf is { } recordOf ? IdsOfRecord(_records!, recordOf[slot]) : _ids.AsSpan(_starts[slot], _starts[slot + 1] - _starts[slot]);

    /// <summary>Adds an id to a key; ids must be added in ascending order.</summary>
    /// <returns>The key's slot: keys are numbered from 0 in the order they were first added, and keep their numbers.</returns>
    public int Add(string key, int id)
    {
        var hash = string.GetHashCode(key.AsSpan());
        var slot = FindSlot(key, hash);
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

        return slot;
    }

    /// <summary>Returns the slot of a key of a table not frozen yet, or -1 when it has none (see <see cref="Add"/>).</summary>
    /// <remarks>A frozen table may hold its records' offsets in its entries instead of slots.</remarks>
    public int SlotOf(string key) =>
        _frozen ? throw new InvalidOperationException("The table is frozen.") : FindSlot(key, string.GetHashCode(key.AsSpan()));

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

        if (_count > 0 && _count >= _inlineMinimumKeys)
        {
            BuildRecords();
        }

        if (_count > 0 && _count >= _filterMinimumKeys)
        {
            BuildFilter();
        }

        _frozen = true;
        return this;
    }

    /// <summary>Gets whether the frozen table keeps a bit per hash bucket in front of its slots (for tests).</summary>
    internal bool HasFilter => _filter is not null;

    /// <summary>Gets whether the frozen table keeps each key's characters and ids in one record (for tests).</summary>
    internal bool HasRecords => _records is not null;

    /// <summary>Gets the ids indexed by a key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ReadOnlySpan<char> key, out ReadOnlySpan<int> postings) =>
        TryGetValue(key, string.GetHashCode(key), out postings);

    /// <summary>Gets the ids indexed by a key whose hash (<c>string.GetHashCode</c> of the key) is known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ReadOnlySpan<char> key, int hash, out ReadOnlySpan<int> postings)
    {
        if (_filter is { } filter)
        {
            var bucket = FilterBucket(hash, _filterShift);
            if ((filter[bucket >> 6] & (1UL << bucket)) == 0)
            {
                postings = [];
                return false;
            }
        }

        if (_records is { } records)
        {
            var record = FindRecord(records, key, hash);
            postings = record < 0 ? [] : IdsOfRecord(records, record);
            return record >= 0;
        }

        var slot = FindSlot(key, hash);
        if (slot < 0 || !_frozen)
        {
            postings = [];
            return false;
        }

        postings = _ids.AsSpan(_starts[slot], _starts[slot + 1] - _starts[slot]);
        return true;
    }

    /// <summary>
    /// Reads what a look-up of a key with this hash would read from memory first (its filter bit, its first table slot and,
    /// when that slot holds the same hash, the start of its record), deciding nothing; the sum of the values read is
    /// returned only so that the reads are kept.
    /// </summary>
    /// <remarks>
    /// A table with records spans megabytes, and each of a post's look-ups waits for its slot and record to come from
    /// memory one after the other. Touching them for all of a post's keys first, in a loop that does nothing else, lets
    /// the processor have those reads in flight at once; the look-ups after it find them in the cache.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Touch(int hash)
    {
        if (_filter is { } filter)
        {
            var bucket = FilterBucket(hash, _filterShift);
            if ((filter[bucket >> 6] & (1UL << bucket)) == 0)
            {
                return 0;
            }
        }

        var table = _table;
        var entry = table[hash & (table.Length - 1)];
        return _records is { } records && entry != 0 && (int)(entry >> 32) == hash ? records[(int)entry - 1] : (int)entry;
    }

    // A power of two at least twice the number of keys, so probe sequences stay short.
    private static int TableSize(int keys) => Math.Max(2, (int)BitOperations.RoundUpToPowerOf2((uint)keys * 2));

    // The slot of a key, or -1 (a table without records).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindSlot(ReadOnlySpan<char> key, int hash)
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

    // The offset of a key's record, or -1 (a table with records).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindRecord(int[] records, ReadOnlySpan<char> key, int hash)
    {
        var table = _table;
        var mask = table.Length - 1;
        for (var i = hash & mask; table[i] != 0; i = (i + 1) & mask)
        {
            var entry = table[i];
            if ((int)(entry >> 32) == hash)
            {
                var record = (int)entry - 1;
                if (records[record + 1] == key.Length && KeyOfRecord(records, record).SequenceEqual(key))
                {
                    return record;
                }
            }
        }

        return -1;
    }

    // The key's characters in a record, two to an int.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<char> KeyOfRecord(int[] records, int record) =>
        MemoryMarshal.Cast<int, char>(records.AsSpan(record + RecordHeader, (records[record + 1] + 1) >> 1))[..records[record + 1]];

    // The ids in a record, after its key.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<int> IdsOfRecord(int[] records, int record) =>
        records.AsSpan(record + RecordHeader + ((records[record + 1] + 1) >> 1), records[record]);

    // Copies each slot's key and ids into its record and points the table's entries at the records.
    private void BuildRecords()
    {
        var size = 0L;
        for (var slot = 0; slot < _count; slot++)
        {
            size += RecordHeader + ((_keys[slot].Length + 1) >> 1) + (_starts[slot + 1] - _starts[slot]);
        }

        var records = new int[checked((int)size)];
        var recordOf = new int[_count];
        var at = 0;
        for (var slot = 0; slot < _count; slot++)
        {
            var key = _keys[slot];
            var ids = _ids.AsSpan(_starts[slot], _starts[slot + 1] - _starts[slot]);
            recordOf[slot] = at;
            records[at] = ids.Length;
            records[at + 1] = key.Length;
            var keyInts = (key.Length + 1) >> 1;
            key.AsSpan().CopyTo(MemoryMarshal.Cast<int, char>(records.AsSpan(at + RecordHeader, keyInts)));
            ids.CopyTo(records.AsSpan(at + RecordHeader + keyInts));
            at += RecordHeader + keyInts + ids.Length;
        }

        var table = _table;
        for (var i = 0; i < table.Length; i++)
        {
            if (table[i] != 0)
            {
                var slot = (int)table[i] - 1;
                table[i] = (table[i] & ~0xFFFF_FFFFL) | (uint)(recordOf[slot] + 1);
            }
        }

        (_records, _recordOf, _starts, _ids) = (records, recordOf, [0], []);
    }

    // The bucket of a hash: its top bits after a multiplication that spreads every bit of the hash into them (the slots
    // use its low bits).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FilterBucket(int hash, int shift) => (int)(((uint)hash * 0x9E3779B9u) >> shift);

    private void BuildFilter()
    {
        var buckets = BitOperations.RoundUpToPowerOf2((uint)_count * FilterBucketsPerKey);
        var filter = new ulong[Math.Max(1, buckets / 64)];
        var shift = 32 - BitOperations.Log2(buckets);
        foreach (var entry in _table)
        {
            if (entry != 0)
            {
                var bucket = FilterBucket((int)(entry >> 32), shift);
                filter[bucket >> 6] |= 1UL << bucket;
            }
        }

        _filter = filter;
        _filterShift = shift;
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
