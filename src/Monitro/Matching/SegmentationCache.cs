using System.Runtime.CompilerServices;

namespace Monitro.Matching;

/// <summary>
/// The segmentations of the hashtag and handle parts a thread met last, so a part that comes back in a later post
/// (people reuse hashtags and handles; a stream repeats them many times) is not split into words again.
/// </summary>
/// <remarks>
/// Direct-mapped by the part's hash: a part evicts the one in its slot. Splitting a part walks the word list's trie
/// from every letter, reads spread over the megabytes of the list; a slot is a few cache lines. Reused between posts
/// by one thread.
/// </remarks>
internal sealed class SegmentationCache
{
    /// <summary>The longest part kept.</summary>
    public const int MaxLength = 32;

    private const int Slots = 1024;

    private readonly char[] _letters = new char[Slots * MaxLength];
    private readonly byte[] _boundaries = new byte[Slots * MaxLength];
    private readonly byte[] _lengths = new byte[Slots];
    private readonly byte[] _counts = new byte[Slots];

    /// <summary>Writes the inner word starts of a part seen before to <paramref name="boundaries"/>; false when it is not kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<char> letters, Span<int> boundaries, out int count)
    {
        count = 0;
        if (letters.Length > MaxLength)
        {
            return false;
        }

        var slot = SlotOf(letters);
        if (_lengths[slot] != letters.Length || !_letters.AsSpan(slot * MaxLength, letters.Length).SequenceEqual(letters))
        {
            return false;
        }

        count = _counts[slot];
        var kept = _boundaries.AsSpan(slot * MaxLength, count);
        for (var i = 0; i < kept.Length; i++)
        {
            boundaries[i] = kept[i];
        }

        return true;
    }

    /// <summary>Keeps the inner word starts of a part (a part longer than <see cref="MaxLength"/> is not kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> letters, ReadOnlySpan<int> boundaries)
    {
        if (letters.Length > MaxLength)
        {
            return;
        }

        var slot = SlotOf(letters);
        letters.CopyTo(_letters.AsSpan(slot * MaxLength, MaxLength));
        var kept = _boundaries.AsSpan(slot * MaxLength, MaxLength);
        for (var i = 0; i < boundaries.Length; i++)
        {
            kept[i] = (byte)boundaries[i];
        }

        _lengths[slot] = (byte)letters.Length;
        _counts[slot] = (byte)boundaries.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SlotOf(ReadOnlySpan<char> letters) => string.GetHashCode(letters) & (Slots - 1);
}
