using System.Security.Cryptography;

namespace Monitro.Sources.Bluesky;

/// <summary>
/// AT Protocol record keys of the TID form: 64 bits (top bit zero, 53 bits of microseconds since the Unix epoch, 10 bits
/// of random clock id) written as 13 characters of base32-sortable, so keys sort by time.
/// </summary>
internal static class BlueskyTid
{
    public const int Length = 13;
    private const string Alphabet = "234567abcdefghijklmnopqrstuvwxyz";

    public static string Create(DateTimeOffset now) => Create(now, RandomNumberGenerator.GetInt32(1024));

    public static string Create(DateTimeOffset now, int clockId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clockId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clockId, 1023);
        var microseconds = (now - DateTimeOffset.UnixEpoch).Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        var value = ((ulong)microseconds & ((1UL << 53) - 1)) << 10 | (uint)clockId;
        Span<char> key = stackalloc char[Length];
        for (var i = Length - 1; i >= 0; i--)
        {
            key[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(key);
    }

    /// <summary>Whether a key has the TID form (13 base32-sortable characters, top bit zero).</summary>
    public static bool IsValid(string? key) =>
        key is { Length: Length } && key[0] is >= '2' and <= 'j' && key.All(static c => Alphabet.Contains(c, StringComparison.Ordinal));
}
