using Monitro.Text;

namespace Monitro.Tests.Text;

public sealed class SocialTokenizerTests
{
    private static List<(TokenKind Kind, string Key, int Position)> Tokens(string text)
    {
        using var analysis = TextAnalysis.Of(text);
        var result = new List<(TokenKind, string, int)>();
        foreach (var token in analysis.Tokens)
        {
            result.Add((token.Kind, analysis.KeyString(token), token.Position));
        }

        return result;
    }

    private static List<string> Keys(string text, TokenKind kind) =>
        Tokens(text).Where(t => t.Kind == kind).Select(t => t.Key).ToList();

    [Fact]
    public void Tokenize_Words_HavePositionsAndFoldedKeys()
    {
        var tokens = Tokens("Hello, Wörld! don't");
        Assert.Equal([(TokenKind.Word, "hello", 0), (TokenKind.Word, "world", 1), (TokenKind.Word, "don't", 2)], tokens);
    }

    [Theory]
    [InlineData("Acme's new thing")]
    [InlineData("Acme’s new thing")]
    [InlineData("ACMEʼS new thing")]
    public void Tokenize_Possessive_YieldsTheName(string text) =>
        Assert.Equal("acme", Keys(text, TokenKind.Word)[0]);

    [Fact]
    public void Tokenize_CamelCaseHashtag_YieldsEntityAndParts()
    {
        var tokens = Tokens("love #AcmeCorp2024 today");
        Assert.Contains((TokenKind.Hashtag, "acmecorp2024", 1), tokens);
        Assert.Contains((TokenKind.Word, "acme", 1), tokens);
        Assert.Contains((TokenKind.Word, "corp", 2), tokens);
        Assert.Contains((TokenKind.Word, "2024", 3), tokens);
        Assert.Contains((TokenKind.Word, "today", 4), tokens);
    }

    [Theory]
    [InlineData("#AcmeCorp2024 today", 3)]
    [InlineData("@acme_support today", 2)]
    [InlineData("#acme today", 1)]
    public void Tokenize_HashtagOrHandle_CoversThePositionsOfItsParts(string text, int parts)
    {
        using var analysis = TextAnalysis.Of(text);
        var entity = analysis.Tokens[0];
        Assert.Equal(0, entity.Position);
        Assert.Equal(parts - 1, entity.LastPosition);
        Assert.Equal(parts, analysis.Tokens[^1].Position);
    }

    [Fact]
    public void Tokenize_AcronymHashtag_SplitsBeforeTheLastCapital() =>
        Assert.Equal(["abc", "corp"], Tokens("#ABCCorp").Where(t => t.Kind == TokenKind.Word).Select(t => t.Key));

    [Fact]
    public void Tokenize_AllDigitHashtag_IsNotAHashtag() =>
        Assert.Empty(Keys("#2024 results", TokenKind.Hashtag));

    [Fact]
    public void Tokenize_HandleWithUnderscore_YieldsParts()
    {
        var tokens = Tokens("ping @acme_support please");
        Assert.Contains((TokenKind.Mention, "acme_support", 1), tokens);
        Assert.Contains((TokenKind.Word, "acme", 1), tokens);
        Assert.Contains((TokenKind.Word, "support", 2), tokens);
    }

    [Fact]
    public void Tokenize_FediverseHandle_KeepsServer() =>
        Assert.Equal(["jane@example.social"], Keys("hi @jane@example.social!", TokenKind.Mention));

    [Fact]
    public void Tokenize_Email_IsOneToken() =>
        Assert.Equal(["support@acme.co.uk"], Keys("mail support@acme.co.uk now", TokenKind.Email));

    [Fact]
    public void Tokenize_Cashtag_IsEntity()
    {
        Assert.Equal(["acme"], Keys("buy $ACME now, $5 only", TokenKind.Cashtag));
        Assert.DoesNotContain("acme", Keys("buy $ACME", TokenKind.Word));
    }

    [Fact]
    public void Tokenize_Url_YieldsUrlHostAndRegistrableDomain()
    {
        var tokens = Tokens("see https://www.Blog.Acme.co.uk/Post?id=1. ok");
        Assert.Contains((TokenKind.Url, "blog.acme.co.uk/post?id=1", 1), tokens);
        Assert.Contains((TokenKind.Host, "blog.acme.co.uk", 1), tokens);
        Assert.Contains((TokenKind.Domain, "acme.co.uk", 1), tokens);
        Assert.Contains((TokenKind.Word, "ok", 2), tokens);
        Assert.DoesNotContain((TokenKind.Word, "acme", 1), tokens);
    }

    [Fact]
    public void Tokenize_EmojiWithSkinTone_YieldsWithAndWithoutTone()
    {
        var keys = Keys("nice 👍🏽 work", TokenKind.Emoji);
        Assert.Equal(["👍🏽", "👍"], keys);
    }

    [Fact]
    public void Tokenize_EmojiWithVs16_DropsIt() =>
        Assert.Equal(["❤"], Keys("I ❤\uFE0F it", TokenKind.Emoji));

    [Fact]
    public void Tokenize_ZwjSequence_IsOneCluster() =>
        Assert.Single(Keys("family 👨\u200D👩\u200D👧 time", TokenKind.Emoji).Distinct());

    [Fact]
    public void Tokenize_Flag_IsOneCluster() =>
        Assert.Equal(["🇯🇵"], Keys("go 🇯🇵!", TokenKind.Emoji));

    [Fact]
    public void Tokenize_JapaneseText_IsARunBetweenWords()
    {
        var tokens = Tokens("Acme東京タワーへ行く ok");
        Assert.Equal((TokenKind.Word, "acme", 0), tokens[0]);
        Assert.Equal((TokenKind.Run, "東京タワーへ行く", 1), tokens[1]);
        Assert.Equal((TokenKind.Word, "ok", 2), tokens[2]);
    }

    [Fact]
    public void Tokenize_ThaiText_IsARun() =>
        Assert.Equal(["สวัสดีครับ"], Keys("สวัสดีครับ", TokenKind.Run));

    [Fact]
    public void Tokenize_OriginalSpans_PointIntoTheOriginalText()
    {
        const string text = "Ｗow #ＡｃｍｅCorp, ac\u200Bme!";
        using var analysis = TextAnalysis.Of(text);
        foreach (var token in analysis.Tokens)
        {
            var original = text.Substring(token.OriginalStart, token.OriginalLength);
            Assert.Equal(analysis.KeyString(token), TextFolder.FoldToString(original).TrimStart('#'));
        }
    }

    [Fact]
    public void Tokenize_LongGarbage_IsLinearAndDoesNotThrow()
    {
        var text = string.Concat(Enumerable.Repeat("#a_ @b. $c http://x 👍🏽\u200D東 ", 2000));
        using var analysis = TextAnalysis.Of(text);
        Assert.True(analysis.Tokens.Length > 2000);
    }
}
