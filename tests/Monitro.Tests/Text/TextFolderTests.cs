using Monitro.Text;

namespace Monitro.Tests.Text;

public sealed class TextFolderTests
{
    [Theory]
    [InlineData("ACME", "acme")]
    [InlineData("Straße", "strasse")]
    [InlineData("STRASSE", "strasse")]
    [InlineData("ſtar", "star")]
    [InlineData("ΟΔΟΣ", "οδοσ")]
    [InlineData("οδος", "οδοσ")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("ıstanbul", "istanbul")]
    [InlineData("\u212Aelvin", "kelvin")]
    [InlineData("ＡＣＭＥ", "acme")]
    [InlineData("cafe\u0301", "cafe")]
    [InlineData("café", "cafe")]
    [InlineData("Crème Brûlée", "creme brulee")]
    [InlineData("ac\u200Bme", "acme")]
    [InlineData("ac\u00ADme", "acme")]
    [InlineData("\u202Eacme\u202C", "acme")]
    [InlineData("acme\uFEFF", "acme")]
    [InlineData("Acme’s", "acme's")]
    [InlineData("Acmeʼs", "acme's")]
    [InlineData("Acme＇s", "acme's")]
    [InlineData("ﬁne", "fine")]
    [InlineData("Łódź", "lodz")]
    public void FoldToString_SocialText_FoldsForMatching(string text, string expected) =>
        Assert.Equal(expected, TextFolder.FoldToString(text));

    [Fact]
    public void Fold_GreekAccent_IsKeptBecauseOnlyLatinLosesAccents() =>
        Assert.Equal("ά", TextFolder.FoldToString("Ά"));

    [Fact]
    public void Fold_DecomposedAndPrecomposedKorean_FoldAlike() =>
        Assert.Equal(TextFolder.FoldToString("\uD55C"), TextFolder.FoldToString("\u1112\u1161\u11AB"));

    [Fact]
    public void Fold_ZwjAndVs16InsideEmoji_AreKept()
    {
        var family = "👨\u200D👩\u200D👧";
        Assert.Equal(family, TextFolder.FoldToString(family));
        Assert.Equal("❤\uFE0F", TextFolder.FoldToString("❤\uFE0F"));
    }

    [Fact]
    public void Fold_ZwjAndVs16OutsideEmoji_AreRemoved() =>
        Assert.Equal("ab", TextFolder.FoldToString("a\u200D\uFE0Fb"));

    [Fact]
    public void Fold_OffsetMap_PointsBackToOriginalCharacters()
    {
        const string original = "Ｘ Stra\u00DFe cafe\u0301!";
        using var folded = new FoldedText();
        TextFolder.Fold(original, folded);
        var text = folded.Folded.ToString();
        Assert.Equal("x strasse cafe!", text);

        // "ss" both map to the single ß.
        var ss = text.IndexOf("ss", StringComparison.Ordinal);
        Assert.Equal(original.IndexOf('\u00DF'), folded.OriginalStart(ss));
        Assert.Equal(original.IndexOf('\u00DF'), folded.OriginalStart(ss + 1));

        // The e of cafe covers the dropped combining accent too.
        var e = text.LastIndexOf('e');
        Assert.Equal(original.IndexOf('\u0301') + 1, folded.OriginalEnd(e));
    }

    [Fact]
    public void Fold_UnpairedSurrogate_DoesNotThrow() =>
        Assert.Equal("a\uFFFDb", TextFolder.FoldToString("a\uD800b"));
}
