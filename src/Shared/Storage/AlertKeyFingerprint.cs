using System.Security.Cryptography;
using System.Text;

namespace Monitro.Storage.Shared;

/// <summary>
/// A short, stable stand-in for an idempotency key in logs above Trace: a key can hold a handle (a Mastodon post id is
/// a URL with the author's name in it), so warnings and errors name the alert by the first 12 hex digits of the
/// SHA-256 of its key instead. Anyone holding the key computes the same fingerprint to find its log lines.
/// </summary>
internal static class AlertKeyFingerprint
{
    /// <summary>Computes the fingerprint of a key: <c>sha256:</c> and 12 lower-case hex digits.</summary>
    public static string Of(string idempotencyKey)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey ?? string.Empty), hash);
        return "sha256:" + Convert.ToHexStringLower(hash[..6]);
    }
}
