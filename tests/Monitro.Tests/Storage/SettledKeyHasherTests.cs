using System.Security.Cryptography;
using System.Text;
using Monitro.Storage.Shared;

namespace Monitro.Tests.Storage;

/// <summary>The keyed hash that stores keep of settled alert keys, whose value must never change: stored hashes are compared with it.</summary>
public sealed class SettledKeyHasherTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(1, SettledKeyHasher.SecretLength).Select(i => (byte)i)];

    private static string[] Keys =>
        ["w|mastodon:https://host/users/jane/statuses/42", "é|ünïcode", new string('k', 1000), "x"];

    [Fact]
    public void Hash_IsHmacSha256OfTheUtf8KeyInLowerCaseHex_CallAfterCall()
    {
        var hasher = new SettledKeyHasher(Secret);

        // Twice over: the reused HMAC state must be reset after each key.
        foreach (var key in Keys.Concat(Keys))
        {
            Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(key))), hasher.Hash(key));
        }
    }

    [Fact]
    public async Task Hash_FromManyThreadsAtOnce_GivesEachKeyItsOwnHash()
    {
        var hasher = new SettledKeyHasher(Secret);
        var keys = Enumerable.Range(0, 2000).Select(i => $"w|bench:{i}").ToArray();
        var expected = keys.Select(key => Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(key)))).ToArray();

        var hashes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => keys.Select(hasher.Hash).ToArray())));

        Assert.All(hashes, actual => Assert.Equal(expected, actual));
    }
}
