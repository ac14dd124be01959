using static Monitro.Tests.Matching.TestPosts;

namespace Monitro.Tests.Matching;

// The correctness cases of the matching design: each defeats a naive ordinal or regex matcher.
public sealed class CorrectnessCaseTests
{
    [Theory]
    [InlineData("istanbul", "İSTANBUL bugün")]
    [InlineData("istanbul", "ıstanbul")]
    [InlineData("İstanbul", "istanbul")]
    public void TurkishI_FoldsToI(string query, string text) => Assert.True(Matches(query, text));

    [Theory]
    [InlineData("strasse", "Die Straße")]
    [InlineData("straße", "STRASSE")]
    public void SharpS_FoldsToSs(string query, string text) => Assert.True(Matches(query, text));

    [Fact]
    public void KelvinAndLongS_Fold() => Assert.True(Matches("kelvin AND star", "\u212Aelvin ſtar"));

    [Fact]
    public void Fullwidth_Matches() => Assert.True(Matches("acme", "ＡＣＭＥ is great"));

    [Fact]
    public void DecomposedAccents_Match()
    {
        Assert.True(Matches("café", "cafe\u0301 au lait"));
        Assert.True(Matches("cafe", "café au lait"));
    }

    [Fact]
    public void ZeroWidthSpaceInsideWord_Matches() => Assert.True(Matches("acme", "ac\u200Bme sale"));

    [Theory]
    [InlineData("Acme's new phone")]
    [InlineData("Acme’s new phone")]
    public void Possessive_Matches(string text) => Assert.True(Matches("acme", text));

    [Fact]
    public void CamelCaseHashtag_MatchesWordAndPhrase()
    {
        Assert.True(Matches("acme", "#AcmeCorp"));
        Assert.True(Matches("\"acme corp\"", "#AcmeCorp"));
    }

    [Fact]
    public void WordInsideLargerWord_DoesNotMatch() => Assert.False(Matches("acme", "hacmes"));

    [Fact]
    public void EmojiWithSkinTone_MatchesBaseEmoji() => Assert.True(Matches("acme 👋", "acme 👋🏾"));

    [Theory]
    [InlineData("東京", "明日東京タワーへ行く")]
    [InlineData("タワー", "明日東京タワーへ行く")]
    [InlineData("acme", "acmeの新製品")]
    public void Japanese_MatchesAsSubstring(string query, string text) => Assert.True(Matches(query, text));

    [Fact]
    public void Japanese_DoesNotMatchAbsentText() => Assert.False(Matches("大阪", "明日東京タワーへ行く"));

    [Theory]
    [InlineData("กรุงเทพ", "ฉันรักกรุงเทพมาก")]
    [InlineData("acme", "ฉันรักacmeมาก")]
    public void Thai_MatchesAsSubstring(string query, string text) => Assert.True(Matches(query, text));

    [Fact]
    public void UrlsAndSiteWithSubdomains()
    {
        Assert.True(Matches("site:acme.com", "https://support.eu.acme.com/t/1"));
        Assert.False(Matches("site:acme.com", "https://acme.com.evil.net/"));
        Assert.False(Matches("acme", "https://acme.com/x"));
    }

    [Fact]
    public void Spans_AreOriginalOffsets()
    {
        const string text = "Ｗow, ac\u200Bme’s #AcmeCorp!";
        var matcher = new MentionMatcher();
        matcher.AddWatch(new Watch { Name = "w", Query = "acme" });
        var mention = Assert.Single(matcher.Match(Create(text)));
        Assert.Equal(["ac\u200Bme", "Acme"], mention.Spans.Select(s => text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void Spans_OfPhraseAndExact_CoverTheMatchedText()
    {
        const string text = "News: Acme Corp said NASA agreed.";
        var matcher = new MentionMatcher();
        matcher.AddWatch(new Watch { Name = "w", Query = "\"acme corp\" !\"NASA\"" });
        var mention = Assert.Single(matcher.Match(Create(text)));
        Assert.Equal(["Acme Corp", "NASA"], mention.Spans.Select(s => text.Substring(s.Start, s.Length)));
    }
}
