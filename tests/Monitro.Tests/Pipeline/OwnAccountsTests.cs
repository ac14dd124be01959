using Monitro.Pipeline;

namespace Monitro.Tests.Pipeline;

public sealed class OwnAccountsTests
{
    private static readonly string[] OurKeys = ["mastodon:@AcmeSupport", "x:acme", "bluesky:İstanbul", "mastodon:ünïcödé"];

    public static TheoryData<string, string> Authors => new()
    {
        { "mastodon", "acmesupport" },
        { "Mastodon", "@ACMESUPPORT" },
        { "mastodon", "@@AcmeSupport" },
        { "x", "Acme" },
        { "x", "acme2" },
        { "mastodon", "acme" },
        { "bluesky", "İSTANBUL" },
        { "bluesky", "istanbul" },
        { "mastodon", "ÜNÏCÖDÉ" },
        { "x", "@" },
        { "x", new string('a', 400) },
        { "X", "ACME" },
    };

    [Theory]
    [MemberData(nameof(Authors))]
    public void IsOwn_AnyAuthor_AnswersAsTheIdentityKeyDoes(string platform, string handle)
    {
        var author = new Author { Platform = platform, Handle = handle };
        var keys = OurKeys.Select(key => Author.CreateIdentityKey(key[..key.IndexOf(':', StringComparison.Ordinal)], key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..])).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(keys.Contains(author.IdentityKey), new OwnAccounts(OurKeys).IsOwn(author));
    }

    [Fact]
    public void IsOwn_ReadForEveryPost_AllocatesNothing()
    {
        var ours = new OwnAccounts(OurKeys);
        var none = new OwnAccounts([]);
        var author = new Author { Platform = "mastodon", Handle = "@SomeoneElse" };
        var own = new Author { Platform = "x", Handle = "ACME" };
        Assert.False(ours.IsOwn(author));
        Assert.True(ours.IsOwn(own));
        Assert.False(none.IsOwn(author));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            found += (ours.IsOwn(author) ? 1 : 0) + (ours.IsOwn(own) ? 1 : 0) + (none.IsOwn(author) ? 1 : 0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, found);
    }
}
