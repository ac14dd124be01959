using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Monitro;

/// <summary>
/// Signs and verifies webhook requests: <c>Monitro-Signature: v1=&lt;hex HMAC-SHA256 of "{timestamp}.{body}"&gt;</c>
/// with a secret shared by Monitro and the receiver.
/// </summary>
/// <remarks>
/// The timestamp (<c>Monitro-Timestamp</c>, Unix seconds) is signed with the body, so a receiver that rejects
/// timestamps outside a small tolerance also rejects a captured request sent again later (a replay).
/// </remarks>
public static class WebhookSignature
{
    /// <summary>The scheme prefix of the signature, <c>v1</c>.</summary>
    public const string Scheme = "v1";

    /// <summary>Signs a request body.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestamp">The Unix time in seconds sent in <c>Monitro-Timestamp</c>.</param>
    /// <param name="body">The exact bytes of the request body.</param>
    /// <returns>The value of <c>Monitro-Signature</c>: <c>v1=</c> and 64 lower-case hex digits.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or empty.</exception>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return string.Concat(Scheme, "=", Convert.ToHexStringLower(ComputeMac(Encoding.UTF8.GetBytes(secret), timestamp, body)));
    }

    /// <summary>Verifies a signed request, as a receiver does before it trusts the body.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestamp">The value of the <c>Monitro-Timestamp</c> header.</param>
    /// <param name="body">The exact bytes of the request body, as received.</param>
    /// <param name="signatureHeader">The value of the <c>Monitro-Signature</c> header; several comma-separated <c>v1=</c> values are allowed (while a secret is rotated).</param>
    /// <param name="now">The receiver's current time.</param>
    /// <param name="tolerance">How far the timestamp may be from <paramref name="now"/>; five minutes is usual.</param>
    /// <returns><see langword="true"/> when a signature matches and the timestamp is fresh; <see langword="false"/> for a wrong, malformed or missing signature, or a stale timestamp.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative.</exception>
    public static bool Verify(string secret, string? timestamp, ReadOnlySpan<byte> body, string? signatureHeader, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        if (string.IsNullOrEmpty(signatureHeader)
            || !IsCanonicalInteger(timestamp)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > tolerance)
        {
            return false;
        }

        var expected = ComputeMac(Encoding.UTF8.GetBytes(secret), seconds, body);
        var matched = false;
        foreach (var part in signatureHeader.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith(Scheme + "=", StringComparison.Ordinal) || part.Length != Scheme.Length + 1 + (expected.Length * 2))
            {
                continue;
            }

            byte[] candidate;
            try
            {
                candidate = Convert.FromHexString(part.AsSpan(Scheme.Length + 1));
            }
            catch (FormatException)
            {
                continue;
            }

            // Constant time, and every candidate is compared, so timing tells nothing about the secret.
            matched |= CryptographicOperations.FixedTimeEquals(candidate, expected);
        }

        return matched;
    }

    // Only the form the signer writes: ASCII digits, no sign, no spaces, no leading zero. The MAC covers the parsed
    // number, so "0001767225600" would otherwise pass with the signature of "1767225600".
    private static bool IsCanonicalInteger(string? value) =>
        !string.IsNullOrEmpty(value)
        && (value.Length == 1 || value[0] != '0')
        && value.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    private static byte[] ComputeMac(byte[] key, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.")));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
