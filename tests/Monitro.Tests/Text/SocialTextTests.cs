using static Monitro.Tests.Matching.TestPosts;

namespace Monitro.Tests.Text;

public sealed class SocialTextTests
{
    private static string[] Values(string text, SocialEntityKind kind) =>
        [.. SocialText.Extract(text).Where(e => e.Kind == kind).Select(e => e.Value)];

    [Theory]
    [InlineData("❤️#love it", "love")]
    [InlineData("a ✌🏿️#hashtag here", "hashtag")]
    [InlineData("#il·lusió", "il·lusió")]
    [InlineData("#עַל־יְדֵי", "עַל־יְדֵי")]
    [InlineData("#メ～テレ", "メ～テレ")]
    [InlineData("#各〃", "各〃")]
    [InlineData("#བོད་སྐད་", "བོད་སྐད་")]
    public void Hashtags_AsThePlatformsReadThem(string text, string expected) =>
        Assert.Equal([expected], Values(text, SocialEntityKind.Hashtag));

    [Theory]
    [InlineData("see example.com/#pricing")]
    [InlineData("#http://acme.com")]
    public void Hashtags_NotInsideOrBeforeALink(string text) =>
        Assert.Empty(Values(text, SocialEntityKind.Hashtag));

    [Theory]
    [InlineData("東京@acme に", "acme")]
    [InlineData("❤️@acme", "acme")]
    [InlineData("RT@acme: news", "acme")]
    [InlineData("hi @jane@example.social", "jane@example.social")]
    public void Handles_AsThePlatformsReadThem(string text, string expected) =>
        Assert.Equal([expected], Values(text, SocialEntityKind.Mention));

    [Theory]
    [InlineData("f!@kn")]
    [InlineData("@aliceìnheiro")]
    [InlineData("@_@ ok")]
    public void Handles_NotWhereThePlatformsSeeNone(string text) =>
        Assert.Empty(Values(text, SocialEntityKind.Mention));

    [Theory]
    [InlineData("buy $ABCDEF now", "ABCDEF")]
    [InlineData("buy $BRK.B now", "BRK.B")]
    [InlineData("buy $ABCDEFG now", null)]
    [InlineData("text$NO", null)]
    public void Cashtags_OneToSixLettersWithAnOptionalSuffix(string text, string? expected) =>
        Assert.Equal(expected is null ? [] : [expected], Values(text, SocialEntityKind.Cashtag));

    [Theory]
    [InlineData("text http://en.wikipedia.org/wiki/Primer_(film)", "http://en.wikipedia.org/wiki/Primer_(film)")]
    [InlineData("(see http://acme.com/x)", "http://acme.com/x")]
    [InlineData("http://twitter.com/これは日本語です", "http://twitter.com/")]
    [InlineData("visit acme.com today", "acme.com")]
    [InlineData("go to http://somehost.com:3000/app", "http://somehost.com:3000/app")]
    [InlineData("test http://sub_domain.acme.com", "http://sub_domain.acme.com")]
    public void Links_AsThePlatformsReadThem(string text, string expected) =>
        Assert.Equal([expected], Values(text, SocialEntityKind.Url));

    [Theory]
    [InlineData("we use node.js and tar.bz2")]
    [InlineData("visit foo.baz")]
    [InlineData("test http://twitter_underscore.com")]
    public void Links_NotWithoutAKnownTopLevelDomainOrWithABadHost(string text) =>
        Assert.Empty(Values(text, SocialEntityKind.Url));

    [Fact]
    public void Extract_GivesOffsetsIntoTheText()
    {
        const string text = "Hi @acme, #launch at acme.com";
        Assert.Equal(
            [
                new SocialEntity(SocialEntityKind.Mention, "acme", 3, 5),
                new SocialEntity(SocialEntityKind.Hashtag, "launch", 10, 7),
                new SocialEntity(SocialEntityKind.Url, "acme.com", 21, 8),
            ],
            SocialText.Extract(text));
    }

    [Theory]
    [InlineData("site:acme.com", "visit acme.com today", true)]
    [InlineData("site:acme.com", "visit notacme.com today", false)]
    [InlineData("url:somehost.com:3000", "go to http://somehost.com:3000/app", true)]
    [InlineData("url:sub_domain.acme.com/x", "see http://sub_domain.acme.com/x/y", true)]
    [InlineData("acme", "visit acme.com today", true)]
    public void LinkFilters_SeeBareDomainsPortsAndUnderscores(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));
}
