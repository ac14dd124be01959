using System.Runtime.CompilerServices;

namespace Monitro.Replay;

/// <summary>
/// The last few distinct values of a property that repeats from line to line (a source, platform or language
/// name), kept with their bytes as read, so a line that repeats one gets the same string without decoding it.
/// </summary>
internal sealed class RecentStrings
{
    private const int Capacity = 4;

    private readonly byte[][] _bytes = new byte[Capacity][];
    private readonly string[] _values = new string[Capacity];
    private int _count;
    private int _next;

    /// <summary>Finds the value whose unescaped UTF-8 bytes are <paramref name="raw"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<byte> raw, out string value)
    {
        for (var i = 0; i < _count; i++)
        {
            if (raw.SequenceEqual(_bytes[i]))
            {
                value = _values[i];
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Keeps a value read from unescaped bytes, in place of the oldest once full.</summary>
    public void Add(ReadOnlySpan<byte> raw, string value)
    {
        _bytes[_next] = raw.ToArray();
        _values[_next] = value;
        _next = (_next + 1) % Capacity;
        _count = Math.Max(_count, _next == 0 ? Capacity : _next);
    }
}
