using System.IO.Hashing;
using System.Text;

namespace Monitro.Orleans;

/// <summary>
/// A share of the watch registry: the watches that matcher shard <see cref="Index"/> of <see cref="Count"/> holds.
/// </summary>
/// <remarks>
/// Each watch has a stable key, <see cref="KeyOf"/> (xxHash32 of its tenant and name, the same on every silo and every
/// run), and shard k of n holds the keys from <see cref="LowestKey"/> up to, not including, <see cref="EndKey"/>: one
/// contiguous range, so a registry that stores the key with an index answers a slice by one range scan, whatever the
/// number of shards.
/// </remarks>
public sealed class WatchSlice
{
    /// <summary>The number of distinct keys: keys run from 0 up to, not including, this.</summary>
    public const long KeyRange = 1L << 32;

    /// <summary>Initializes a new instance of the <see cref="WatchSlice"/> class.</summary>
    /// <param name="index">The shard, from 0 to <paramref name="count"/> − 1.</param>
    /// <param name="count">The number of shards, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive, or <paramref name="index"/> is not a shard of it.</exception>
    public WatchSlice(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>Gets the slice holding every watch (shard 0 of 1).</summary>
    public static WatchSlice All { get; } = new(0, 1);

    /// <summary>Gets the shard.</summary>
    public int Index { get; }

    /// <summary>Gets the number of shards.</summary>
    public int Count { get; }

    /// <summary>Gets the lowest key of the slice.</summary>
    public long LowestKey => Lower(Index, Count);

    /// <summary>Gets the key after the slice's highest (exclusive upper bound).</summary>
    public long EndKey => Lower(Index + 1, Count);

    /// <summary>Gets the key of a watch: a stable hash of its tenant and name, from 0 to <see cref="KeyRange"/> − 1.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="watchName">The name of the watch within the tenant.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> or <paramref name="watchName"/> is <see langword="null"/>.</exception>
    public static long KeyOf(string tenantId, string watchName)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(watchName);

        // Tenant and name joined by a byte neither can hold alone ambiguously, so ("a", "bc") and ("ab", "c") differ.
        return XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(string.Concat(tenantId, "\0", watchName)));
    }

    /// <summary>Gets the shard, of <paramref name="count"/>, that holds a watch.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="watchName">The name of the watch within the tenant.</param>
    /// <param name="count">The number of shards, at least 1.</param>
    /// <returns>The shard, from 0 to <paramref name="count"/> − 1.</returns>
    public static int IndexOf(string tenantId, string watchName, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);

        // The key scaled onto the shards (multiply and shift), so each shard's keys are one contiguous range.
        return (int)((KeyOf(tenantId, watchName) * count) >> 32);
    }

    /// <summary>Tells whether the slice holds a watch.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="watchName">The name of the watch within the tenant.</param>
    /// <returns><see langword="true"/> if the watch's key falls in the slice.</returns>
    public bool Contains(string tenantId, string watchName) => Contains(KeyOf(tenantId, watchName));

    /// <summary>Tells whether the slice holds a key.</summary>
    /// <param name="key">A watch's key (<see cref="KeyOf"/>).</param>
    /// <returns><see langword="true"/> if the key falls in the slice.</returns>
    public bool Contains(long key) => key >= LowestKey && key < EndKey;

    /// <inheritdoc/>
    public override string ToString() => $"{Index} of {Count}";

    // The lowest key of shard k: the smallest key whose scaled value (key × count >> 32) reaches k.
    private static long Lower(int index, int count) => ((index * KeyRange) + count - 1) / count;
}
