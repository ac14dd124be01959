using System.Security.Cryptography;
using System.Text;

namespace Monitro.Storage.Shared;

/// <summary>
/// Turns the idempotency key of a settled alert into what the store keeps of it: HMAC-SHA256 under a secret of the
/// store, in lower-case hex. A key such as <c>watch|mastodon:https://host/users/jane/statuses/42</c> names a person;
/// its keyed hash does not, and the same key always gives the same hash, so a replayed alert is still recognised.
/// </summary>
/// <remarks>
/// Thread-safe: calls take turns on one HMAC state, reset after each hash. Every alert is hashed when committed and
/// again when settled, and a fresh state per call (the one-shot <see cref="HMACSHA256.HashData(byte[], byte[])"/>)
/// took about twice as long as the rest of delivering an alert from the in-memory store (benchmarks/README.md,
/// "Alert delivery throughput").
/// </remarks>
internal sealed class SettledKeyHasher
{
    /// <summary>The length of a new secret, in bytes (the block-size-independent strength of SHA-256).</summary>
    public const int SecretLength = 32;

    private readonly Lock _gate = new();

    // Never disposed: the hasher lives as long as its store, and the state's handle is released when it is collected.
    private readonly IncrementalHash _hmac;

    /// <param name="secret">The store's secret, at least <see cref="SecretLength"/> bytes.</param>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="SecretLength"/> bytes.</exception>
    public SettledKeyHasher(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < SecretLength)
        {
            throw new ArgumentException($"The settled-key secret must be at least {SecretLength} bytes.", nameof(secret));
        }

        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
    }

    /// <summary>Creates a random secret for a new store.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretLength);

    /// <summary>Hashes an idempotency key.</summary>
    public string Hash(string idempotencyKey)
    {
        var key = Encoding.UTF8.GetBytes(idempotencyKey);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        lock (_gate)
        {
            _hmac.AppendData(key);
            _hmac.GetHashAndReset(hash);
        }

        return Convert.ToHexStringLower(hash);
    }
}
