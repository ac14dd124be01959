using static Monitro.Tests.Matching.TestPosts;

namespace Monitro.Tests.Matching;

// What a mention highlights (Mention.Spans), as docs/query-language.md describes it.
public sealed class HighlightTests
{
    [Theory]
    [InlineData("(acme -corp) OR globex", "acme corp globex", new[] { "globex" })]
    [InlineData("(acme corp) OR globex", "acme or globex", new[] { "globex" })]
    public void Highlights_OnlyPositiveTermsOfAlternativesThatHold(string query, string text, string[] expected) =>
        Assert.Equal(expected, Highlights(query, text));

    // The compiler takes NOT NOT x for x, and so do highlights.
    [Fact]
    public void Highlights_DoubledNot_HighlightsItsTerm()
    {
        Assert.Equal(["acme"], Highlights("NOT NOT acme", "acme rocks"));
        Assert.Equal(["acme", "globex"], Highlights("acme OR -(NOT globex)", "acme and globex"));
    }

    [Theory]
    [InlineData("acme NEAR/2 launch", "acme will launch today", new[] { "acme will launch" })]
    [InlineData("\"acme launch\"~3", "acme launch and launch", new[] { "acme launch" })]
    [InlineData("acme OR \"acme corp\"", "Acme Corp", new[] { "Acme Corp" })]
    [InlineData("acme corp", "#AcmeCorp", new[] { "Acme", "Corp" })]
    public void Highlights_CoverWindowsAndMergeOnlyOverlaps(string query, string text, string[] expected) =>
        Assert.Equal(expected, Highlights(query, text));

    [Theory]
    [InlineData("tidewell", "#tidewellrocks", new[] { "tidewellrocks" })]
    [InlineData("#acme", "#Acme's", new[] { "#Acme" })]
    [InlineData("東京", "明日東京タワー", new[] { "明日東京タワー" })]
    [InlineData("site:acme.com acme", "acme https://acme.com", new[] { "acme" })]
    public void Highlights_WholeTokens(string query, string text, string[] expected) =>
        Assert.Equal(expected, Highlights(query, text));

    private static string[] Highlights(string query, string text)
    {
        var matcher = new MentionMatcher();
        matcher.AddWatch(new Watch { Name = "w", Query = query });
        var mention = Assert.Single(matcher.Match(Create(text)));
        return [.. mention.Spans.Select(s => text.Substring(s.Start, s.Length))];
    }
}
