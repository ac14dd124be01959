using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Monitro.Replay;

/// <summary>
/// Walks the tokens of one JSON line strictly (RFC 8259: no comments, no trailing commas, the four white-space
/// bytes), for the value kinds a post's line holds: objects, arrays of strings, strings, integers, <c>true</c>,
/// <c>false</c> and <c>null</c>.
/// </summary>
/// <remarks>
/// Every method either reads what it expects and moves past it, or returns <see langword="false"/>; the caller then
/// gives the whole line to the source-generated contract, which reads it or words the error. So the cursor may refuse
/// more than JSON does (a lone surrogate escape, bytes that are not UTF-8, an escaped property name), never less.
/// Hand-written rather than <see cref="System.Text.Json.Utf8JsonReader"/> because its methods are compiled optimized
/// at their first call, while the reader's string search runs unoptimized on a one-core host for most of a stream.
/// </remarks>
internal ref struct JsonLineCursor
{
    private readonly ReadOnlySpan<byte> _line;
    private int _at;

    public JsonLineCursor(ReadOnlySpan<byte> line) => _line = line;

    /// <summary>Gets whether only white space is left.</summary>
    public bool AtEnd
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get
        {
            SkipWhiteSpace();
            return _at == _line.Length;
        }
    }

    /// <summary>Moves past <paramref name="token"/> (after white space) when it is next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryTake(byte token)
    {
        SkipWhiteSpace();
        if (_at < _line.Length && _line[_at] == token)
        {
            _at++;
            return true;
        }

        return false;
    }

    /// <summary>Reads a property name and its colon; <see langword="false"/> for an escaped name (the contract compares names unescaped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryTakeName(out ReadOnlySpan<byte> name)
    {
        if (!TryTakeString(out var raw) || raw.IsEscaped || !TryTake((byte)':'))
        {
            name = default;
            return false;
        }

        name = raw.Bytes;
        return true;
    }

    /// <summary>Reads a string as its bytes between the quotes, escapes not yet decoded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryTakeString(out RawJsonString value)
    {
        value = default;
        SkipWhiteSpace();
        if (_at >= _line.Length || _line[_at] != (byte)'"')
        {
            return false;
        }

        var start = _at + 1;
        var at = start;
        var escaped = false;
        var nonAscii = false;
        while (true)
        {
            at = IndexOfSpecial(_line, at, ref nonAscii);
            if (at >= _line.Length || _line[at] < 0x20)
            {
                return false; // no closing quote, or a raw control character
            }

            if (_line[at] == (byte)'"')
            {
                break;
            }

            // A backslash: the byte after it is part of the escape (checked when decoded), never the closing quote.
            escaped = true;
            at += 2;
        }

        value = new RawJsonString(_line[start..at], escaped, nonAscii);
        _at = at + 1;
        return true;
    }

    /// <summary>Moves past <c>null</c> when it is next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryTakeNull() => TryTakeLiteral("null"u8);

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryTakeBoolean(out bool value)
    {
        value = TryTakeLiteral("true"u8);
        return value || TryTakeLiteral("false"u8);
    }

    /// <summary>Reads an integer (no fraction or exponent) that fits in 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryTakeInt64(out long value)
    {
        value = 0;
        SkipWhiteSpace();
        var at = _at;
        var negative = at < _line.Length && _line[at] == (byte)'-';
        if (negative)
        {
            at++;
        }

        var digits = at;
        ulong magnitude = 0;
        while (at < _line.Length && (uint)(_line[at] - '0') <= 9)
        {
            if (magnitude > (ulong.MaxValue - 9) / 10)
            {
                return false;
            }

            magnitude = (magnitude * 10) + (uint)(_line[at] - '0');
            at++;
        }

        // JSON has no leading zeros; a fraction or exponent makes it no integer (the contract decides).
        var count = at - digits;
        if (count == 0 || (count > 1 && _line[digits] == (byte)'0') || !EndsValue(at)
            || magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        _at = at;
        return true;
    }

    /// <summary>Gets the index of the first quote, backslash or control byte at or after <paramref name="from"/> (the length when none), noting bytes above ASCII before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int IndexOfSpecial(ReadOnlySpan<byte> line, int from, ref bool nonAscii)
    {
        var at = from;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(line);
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var space = Vector128.Create((byte)0x20);
            for (; at + Vector128<byte>.Count <= line.Length; at += Vector128<byte>.Count)
            {
                var bytes = Vector128.LoadUnsafe(ref start, (nuint)at);
                var special = (Vector128.Equals(bytes, quote) | Vector128.Equals(bytes, backslash) | Vector128.LessThan(bytes, space)).ExtractMostSignificantBits();
                var high = bytes.ExtractMostSignificantBits();
                if (special != 0)
                {
                    var offset = BitOperations.TrailingZeroCount(special);
                    nonAscii |= (high & ((1u << offset) - 1)) != 0;
                    return at + offset;
                }

                nonAscii |= high != 0;
            }
        }

        for (; at < line.Length; at++)
        {
            var b = line[at];
            if (b is (byte)'"' or (byte)'\\' or < 0x20)
            {
                return at;
            }

            nonAscii |= b >= 0x80;
        }

        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryTakeLiteral(ReadOnlySpan<byte> literal)
    {
        SkipWhiteSpace();
        if (!_line[_at..].StartsWith(literal) || !EndsValue(_at + literal.Length))
        {
            return false;
        }

        _at += literal.Length;
        return true;
    }

    /// <summary>Whether a number or literal ending before <paramref name="at"/> is followed by what may follow a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool EndsValue(int at) =>
        at == _line.Length || _line[at] is (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipWhiteSpace()
    {
        while (_at < _line.Length && _line[_at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            _at++;
        }
    }
}
