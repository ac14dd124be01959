using System.Runtime.CompilerServices;

namespace Monitro.Pipeline;

/// <summary>
/// A map from ids to values that remembers only the ids added most recently, forgetting the oldest first: the
/// pipeline's check for repeated posts and its memory of who wrote the posts that replies answer.
/// </summary>
/// <remarks>
/// <para>One hash of the id per call: the look-up that misses adds the id in the same pass, and forgetting the oldest
/// id reuses the hash kept with it (a map with a separate queue of keys hashed each id up to four times per post:
/// look-up, the batch's own set, add, and removal when it was forgotten).</para>
/// <para>The ids are hashed with the runtime's randomized string hash, so ids chosen to collide cannot slow it down.
/// Memory grows with use up to the capacity, which bounds it however long the pipeline runs. Not thread-safe: owned by
/// one stage.</para>
/// </remarks>
/// <typeparam name="TValue">The value kept with each id.</typeparam>
internal sealed class RecentItems<TValue>
{
    private const int FirstSize = 1_024;

    // A ring of the ids in the order they were added, with their hashes and values; until it is full, the slots in use
    // are 0 to _count - 1.
    private string?[] _ids;
    private int[] _hashes;
    private TValue[] _values;

    // Chained hashing: a bucket holds the slot + 1 of its newest id, each slot the slot + 1 of the next id in its bucket; 0 ends a chain.
    private int[] _buckets;
    private int[] _chain;
    private int _mask;

    // The slot the next id is written to: once the ring is full, the oldest id's.
    private int _next;
    private int _count;

    /// <param name="capacity">How many ids are remembered at most; 0 remembers none.</param>
    public RecentItems(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        var size = Math.Min(capacity, FirstSize);
        _ids = new string?[size];
        _hashes = new int[size];
        _values = new TValue[size];
        _chain = new int[size];
        _buckets = new int[BucketCount(size)];
        _mask = _buckets.Length - 1;
    }

    /// <summary>How many ids are remembered at most.</summary>
    public int Capacity { get; }

    /// <summary>How many ids are remembered now.</summary>
    public int Count => _count;

    /// <summary>Adds an id with its value unless it is among the recent ones (whose value stays); when the capacity is reached, the oldest is forgotten.</summary>
    /// <returns><see langword="true"/> when the id was not among the recent ones.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(string id, TValue value)
    {
        if (Capacity == 0)
        {
            return true;
        }

        var hash = id.GetHashCode(StringComparison.Ordinal);
        if (Find(id, hash) >= 0)
        {
            return false;
        }

        Add(id, hash, value);
        return true;
    }

    /// <summary>Sets the value of an id: replaces it when the id is among the recent ones, adds the id otherwise (as <see cref="TryAdd"/>).</summary>
    public void Set(string id, TValue value)
    {
        if (Capacity == 0)
        {
            return;
        }

        var hash = id.GetHashCode(StringComparison.Ordinal);
        var slot = Find(id, hash);
        if (slot >= 0)
        {
            _values[slot] = value;
        }
        else
        {
            Add(id, hash, value);
        }
    }

    /// <summary>Gets the value of an id among the recent ones.</summary>
    /// <returns><see langword="true"/> when the id is among them.</returns>
    public bool TryGetValue(string id, out TValue value)
    {
        var slot = Capacity == 0 ? -1 : Find(id, id.GetHashCode(StringComparison.Ordinal));
        value = slot >= 0 ? _values[slot] : default!;
        return slot >= 0;
    }

    /// <summary>The slot of an id, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(string id, int hash)
    {
        for (var link = _buckets[hash & _mask]; link != 0; link = _chain[link - 1])
        {
            if (_hashes[link - 1] == hash && string.Equals(_ids[link - 1], id, StringComparison.Ordinal))
            {
                return link - 1;
            }
        }

        return -1;
    }

    /// <summary>Writes an id that is not among the recent ones into the next slot, growing the ring or forgetting the oldest id first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(string id, int hash, TValue value)
    {
        if (_count == _ids.Length)
        {
            if (_ids.Length < Capacity)
            {
                Grow();
            }
            else
            {
                Forget(_next);
            }
        }

        var slot = _next;
        _ids[slot] = id;
        _hashes[slot] = hash;
        _values[slot] = value;
        ref var bucket = ref _buckets[hash & _mask];
        _chain[slot] = bucket;
        bucket = slot + 1;
        _count++;
        _next = slot + 1 == _ids.Length ? 0 : slot + 1;
    }

    /// <summary>Unlinks the id in <paramref name="slot"/> from its bucket's chain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forget(int slot)
    {
        ref var link = ref _buckets[_hashes[slot] & _mask];
        while (link != slot + 1)
        {
            link = ref _chain[link - 1];
        }

        link = _chain[slot];
        _ids[slot] = null;
        _values[slot] = default!;
        _count--;
    }

    /// <summary>Doubles the ring (up to the capacity) before it first fills; nothing was forgotten yet, so the slots keep their places.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var size = (int)Math.Min(Capacity, 2L * _ids.Length);
        Array.Resize(ref _ids, size);
        Array.Resize(ref _hashes, size);
        Array.Resize(ref _values, size);
        _chain = new int[size];
        _buckets = new int[BucketCount(size)];
        _mask = _buckets.Length - 1;
        for (var slot = 0; slot < _count; slot++)
        {
            ref var bucket = ref _buckets[_hashes[slot] & _mask];
            _chain[slot] = bucket;
            bucket = slot + 1;
        }

        _next = _count;
    }

    // At most one id per bucket on average, and at least one bucket.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int BucketCount(int size) => (int)Math.Max(1, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(size, 1)));
}
