using System.Runtime.CompilerServices;

namespace Monitro.Replay;

/// <summary>
/// Reads the one timestamp form posts are written with, <c>yyyy-MM-ddTHH:mm:ss[.fffffff](Z|±HH:mm)</c>, as
/// System.Text.Json reads it into a <see cref="DateTimeOffset"/>.
/// </summary>
/// <remarks>Any other form (no offset, no seconds, more than seven fraction digits, a lower-case <c>t</c>…) is refused and left to the contract.</remarks>
internal static class IsoTimestamp
{
    private const int FixedLength = 19; // yyyy-MM-ddTHH:mm:ss

    /// <summary>Reads a timestamp from its UTF-8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < FixedLength + 1
            || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T' || text[13] != (byte)':' || text[16] != (byte)':'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        var at = FixedLength;
        long fraction = 0;
        if (text[at] == (byte)'.')
        {
            var digits = 0;
            for (at++; at < text.Length && (uint)(text[at] - '0') <= 9; at++, digits++)
            {
                if (digits == 7)
                {
                    return false;
                }

                fraction = (fraction * 10) + (text[at] - '0');
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        if (!TryOffset(text[at..], out var offset)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction;
        var utc = local - offset.Ticks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local, offset);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryOffset(ReadOnlySpan<byte> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is [(byte)'Z'])
        {
            return true;
        }

        if (text.Length != 6 || text[0] is not ((byte)'+' or (byte)'-') || text[3] != (byte)':'
            || !TryDigits(text, 1, 2, out var hours) || !TryDigits(text, 4, 2, out var minutes) || minutes > 59)
        {
            return false;
        }

        var magnitude = new TimeSpan(hours, minutes, 0);
        if (magnitude > TimeSpan.FromHours(14))
        {
            return false;
        }

        offset = text[0] == (byte)'-' ? -magnitude : magnitude;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
