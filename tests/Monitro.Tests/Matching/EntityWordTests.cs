using static Monitro.Tests.Matching.TestPosts;

namespace Monitro.Tests.Matching;

public sealed class EntityWordTests
{
    [Theory]
    [InlineData("acme", "#acmerocks", true)]
    [InlineData("acme", "love #ilovetheacme", true)]
    [InlineData("sale", "#blackfridaysale", true)]
    [InlineData("sale", "#wholesale", false)]
    [InlineData("ding", "#wedding", false)]
    [InlineData("weru", "#Weruca", false)]
    [InlineData("weru", "@weruca_fans", false)]
    [InlineData("tidewell", "#tidewellrocks", true)]
    [InlineData("iphone", "#NewiPhoneFund", true)]
    [InlineData("mcmahon", "#McMahon", true)]
    [InlineData("netflix", "#fuqNetFlix", true)]
    [InlineData("acme", "@acmesupport", true)]
    public void Word_MatchesInsideAHashtagOrHandleOnWordBoundaries(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Theory]
    [InlineData("\"sale\"", "#Black_Friday_Sale", true)]
    [InlineData("\"sale\"", "#BlackFridaySale", true)]
    [InlineData("\"sale\"", "big sale today", true)]
    [InlineData("\"sale\"", "#blackfridaysale", false)]
    [InlineData("\"sale\"", "#flashsale", false)]
    public void QuotedWord_MatchesWholeWordsAndWholePartsOnly(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Fact]
    public void WordInsideAHashtag_HighlightsThePartsItSpansAsOne()
    {
        var matcher = new MentionMatcher();
        matcher.AddWatch(new Watch { Name = "w", Query = "iphone" });
        var mention = Assert.Single(matcher.Match(Create("saving up #NewiPhoneFund now")));
        Assert.Equal([new MatchSpan(11, 9)], mention.Spans);
    }
}
