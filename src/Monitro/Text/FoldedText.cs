using System.Buffers;
using System.Runtime.CompilerServices;

namespace Monitro.Text;

/// <summary>
/// The folded (normalized, case-folded, accent-free for Latin) form of a text, with a map from every folded
/// character back to the range of original characters it came from.
/// </summary>
/// <remarks>
/// Buffers are rented from the shared pool and reused between texts; an instance is used by one thread at a time.
/// Characters past <see cref="Length"/> hold derived keys (for example an emoji without its skin tone).
/// </remarks>
internal sealed class FoldedText : IDisposable
{
    private char[] _chars = ArrayPool<char>.Shared.Rent(256);
    private int[] _originalStart = ArrayPool<int>.Shared.Rent(256);
    private int[] _originalEnd = ArrayPool<int>.Shared.Rent(256);
    private bool[] _upper = ArrayPool<bool>.Shared.Rent(256);
    private int _count;

    /// <summary>Gets the original text.</summary>
    public string Original { get; private set; } = string.Empty;

    /// <summary>Gets the number of folded characters (derived keys excluded).</summary>
    public int Length { get; private set; }

    /// <summary>Gets the folded characters followed by any derived keys.</summary>
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, _count);

    /// <summary>Gets the folded characters only.</summary>
    public ReadOnlySpan<char> Folded => _chars.AsSpan(0, Length);

    /// <summary>Gets a folded or derived key by its range.</summary>
    public ReadOnlySpan<char> Slice(int start, int length) => _chars.AsSpan(start, length);

    /// <summary>Gets the offset in the original text of the first character behind folded character <paramref name="index"/>.</summary>
    public int OriginalStart(int index) => _originalStart[index];

    /// <summary>Gets the offset in the original text just past the characters behind folded character <paramref name="index"/>.</summary>
    public int OriginalEnd(int index) => _originalEnd[index];

    /// <summary>Gets whether folded character <paramref name="index"/> came from an upper- or title-case letter.</summary>
    public bool WasUpper(int index) => _upper[index];

    /// <summary>Starts a new text.</summary>
    public void Reset(string original)
    {
        Original = original;
        Length = 0;
        _count = 0;
        Ensure(original.Length + 16);
    }

    /// <summary>Appends a folded character that stands for original characters [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public void Append(char value, int start, int end, bool upper)
    {
        if (_count == _chars.Length)
        {
            Ensure(_count * 2);
        }

        _chars[_count] = value;
        _originalStart[_count] = start;
        _originalEnd[_count] = end;
        _upper[_count] = upper;
        _count++;
        Length = _count;
    }

    /// <summary>Appends ASCII characters that stand one for one for the original characters from <paramref name="originalStart"/>, capitals lowered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendAscii(ReadOnlySpan<char> ascii, int originalStart)
    {
        Ensure(_count + ascii.Length);
        var at = _count;
        System.Text.Ascii.ToLower(ascii, _chars.AsSpan(at, ascii.Length), out _);
        var starts = _originalStart.AsSpan(at, ascii.Length);
        var ends = _originalEnd.AsSpan(at, ascii.Length);
        var upper = _upper.AsSpan(at, ascii.Length);
        for (var k = 0; k < ascii.Length; k++)
        {
            starts[k] = originalStart + k;
            ends[k] = originalStart + k + 1;
            upper[k] = char.IsAsciiLetterUpper(ascii[k]);
        }

        _count += ascii.Length;
        Length = _count;
    }

    /// <summary>Extends the original range of the last folded character (used when a dropped accent follows it).</summary>
    public void ExtendLast(int end)
    {
        if (_count > 0)
        {
            _originalEnd[_count - 1] = end;
        }
    }

    /// <summary>Appends a derived key after the folded text and returns its start.</summary>
    public int AppendDerived(ReadOnlySpan<char> key)
    {
        Ensure(_count + key.Length);
        var start = _count;
        key.CopyTo(_chars.AsSpan(_count));
        _count += key.Length;
        return start;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<int>.Shared.Return(_originalStart);
        ArrayPool<int>.Shared.Return(_originalEnd);
        ArrayPool<bool>.Shared.Return(_upper);
        _chars = [];
        _originalStart = [];
        _originalEnd = [];
        _upper = [];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Ensure(int capacity)
    {
        if (capacity <= _chars.Length)
        {
            return;
        }

        var size = Math.Max(capacity, _chars.Length * 2);
        Grow(ref _chars, size);
        Grow(ref _originalStart, size);
        Grow(ref _originalEnd, size);
        Grow(ref _upper, size);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Grow<T>(ref T[] array, int size)
    {
        var bigger = ArrayPool<T>.Shared.Rent(size);
        array.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(array);
        array = bigger;
    }
}
