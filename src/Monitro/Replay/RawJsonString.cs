using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Monitro.Replay;

/// <summary>The bytes of a JSON string between its quotes, and what decoding them needs to know.</summary>
internal readonly ref struct RawJsonString
{
    /// <param name="bytes">The bytes, escapes not decoded.</param>
    /// <param name="isEscaped">Whether there is at least one backslash escape.</param>
    /// <param name="hasNonAscii">Whether there is a byte above ASCII (to be checked as UTF-8).</param>
    public RawJsonString(ReadOnlySpan<byte> bytes, bool isEscaped, bool hasNonAscii)
    {
        Bytes = bytes;
        IsEscaped = isEscaped;
        HasNonAscii = hasNonAscii;
    }

    /// <summary>Gets the bytes, escapes not decoded.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>Gets whether there is at least one backslash escape.</summary>
    public bool IsEscaped { get; }

    /// <summary>Gets whether there is a byte above ASCII.</summary>
    public bool HasNonAscii { get; }

    /// <summary>Checks the string as <see cref="TryDecode"/> would decode it, without making a string of it when it has no escape.</summary>
    /// <param name="scratch">As for <see cref="TryDecode"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsValid(ref char[] scratch) =>
        IsEscaped ? TryDecode(ref scratch, out _) : !HasNonAscii || Utf8.IsValid(Bytes);

    /// <summary>Decodes the string; <see langword="false"/> for bytes that are not UTF-8, a bad escape or a lone surrogate.</summary>
    /// <param name="scratch">Characters reused from call to call for strings with escapes; grown when too short.</param>
    /// <param name="value">The string.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryDecode(ref char[] scratch, out string? value)
    {
        value = null;
        if (HasNonAscii && !Utf8.IsValid(Bytes))
        {
            return false;
        }

        if (!IsEscaped)
        {
            value = Bytes.IsEmpty ? string.Empty : Encoding.UTF8.GetString(Bytes);
            return true;
        }

        // UTF-8 never takes fewer bytes than UTF-16 code units, and an escape never gives more characters than its bytes.
        if (scratch.Length < Bytes.Length)
        {
            scratch = new char[Math.Max(Bytes.Length, scratch.Length * 2)];
        }

        var written = 0;
        var rest = Bytes;
        while (!rest.IsEmpty)
        {
            var backslash = rest.IndexOf((byte)'\\');
            var plain = backslash < 0 ? rest : rest[..backslash];
            written += Encoding.UTF8.GetChars(plain, scratch.AsSpan(written));
            if (backslash < 0)
            {
                break;
            }

            rest = rest[(backslash + 1)..];
            if (!TryUnescape(ref rest, scratch, ref written))
            {
                return false;
            }
        }

        value = new string(scratch, 0, written);
        return true;
    }

    /// <summary>Decodes the escape <paramref name="rest"/> starts with (after its backslash) and moves past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryUnescape(ref ReadOnlySpan<byte> rest, char[] scratch, ref int written)
    {
        if (rest.IsEmpty)
        {
            return false;
        }

        var simple = rest[0] switch
        {
            (byte)'"' => '"',
            (byte)'\\' => '\\',
            (byte)'/' => '/',
            (byte)'b' => '\b',
            (byte)'f' => '\f',
            (byte)'n' => '\n',
            (byte)'r' => '\r',
            (byte)'t' => '\t',
            _ => '\0',
        };
        if (simple != '\0')
        {
            scratch[written++] = simple;
            rest = rest[1..];
            return true;
        }

        if (rest[0] != (byte)'u' || !TryHex(rest, out var unit))
        {
            return false;
        }

        rest = rest[5..];
        if (char.IsLowSurrogate(unit))
        {
            return false;
        }

        if (char.IsHighSurrogate(unit))
        {
            // Only a pair makes a character; a lone half is left to the contract.
            if (rest.Length < 6 || rest[0] != (byte)'\\' || rest[1] != (byte)'u' || !TryHex(rest[1..], out var low) || !char.IsLowSurrogate(low))
            {
                return false;
            }

            scratch[written++] = unit;
            unit = low;
            rest = rest[6..];
        }

        scratch[written++] = unit;
        return true;
    }

    /// <summary>Reads the four hex digits after the <c>u</c> <paramref name="escape"/> starts with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryHex(ReadOnlySpan<byte> escape, out char unit)
    {
        unit = '\0';
        if (escape.Length < 5)
        {
            return false;
        }

        var value = 0;
        for (var i = 1; i <= 4; i++)
        {
            var digit = HexDigit(escape[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
