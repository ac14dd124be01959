using Monitro.Matching;
using Monitro.Text;

namespace Monitro.Tests.Matching;

/// <summary>
/// Plain words (ASCII letters and digits) are folded by the parser without analyzing them: the shortcut must give
/// exactly the terms the analysis gives, and the watches compiled together share their folded terms.
/// </summary>
public sealed class PlainWordTermTests
{
    // Words the tokenizer looks at twice: link starts, digits, operator look-alikes, one letter, possessive-looking.
    public static TheoryData<string> EdgeWords =>
    [
        "acme", "Acme", "ACME", "iPhone", "a", "Z", "7", "2024", "1st", "www", "wwwacme", "http", "https", "httpacme",
        "w3", "h2o", "near", "NEARLY", "and", "or", "not", "raw", "author", "site", "url", "lang", "is", "s", "AcmeS",
        new string('x', 128),
    ];

    [Theory]
    [MemberData(nameof(EdgeWords))]
    public void APlainWord_IsTheWordTheAnalysisFinds(string word) => AssertSameAsAnalysis(word);

    [Fact]
    public void RandomPlainWords_AreTheWordsTheAnalysisFinds()
    {
        const string Characters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var random = new Random(12);
        for (var i = 0; i < 2_000; i++)
        {
            var word = new char[1 + random.Next(16)];
            for (var c = 0; c < word.Length; c++)
            {
                word[c] = Characters[random.Next(random.Next(3) == 0 ? Characters.Length : 26)];
            }

            AssertSameAsAnalysis(new string(word));
        }
    }

    [Theory]
    [InlineData("acme corp")]
    [InlineData("  Acme   Corp 2024 ")]
    [InlineData("www acme com")]
    [InlineData("http x")]
    [InlineData("a b c d e f")]
    public void APhraseOfPlainWords_HasTheElementsTheAnalysisFinds(string phrase)
    {
        var plain = TermAnalyzer.PlainWords(phrase, terms: null)!.ToArray();
        var analyzed = TermAnalyzer.Elements(phrase).ToArray();
        Assert.Equal(analyzed, plain);
    }

    [Theory]
    [InlineData("c#")]
    [InlineData("acme's")]
    [InlineData("café")]
    [InlineData("acme.com")]
    [InlineData("acme-corp")]
    [InlineData("acme_corp")]
    [InlineData("e\u0301")]
    [InlineData("ｆｕｌｌ")]
    public void AWordWithOtherCharacters_IsAnalyzed(string term)
    {
        Assert.False(TermAnalyzer.IsPlainWord(term));
        Assert.Null(TermAnalyzer.PlainWords($"acme {term}", terms: null));
    }

    [Fact]
    public void ALongerWord_IsAnalyzed()
    {
        var word = new string('x', 129);
        Assert.False(TermAnalyzer.IsPlainWord(word));
        Assert.Equal(new WordTerm(0, word), QueryParser.Parse(word));
    }

    [Fact]
    public void QueriesCompiledTogether_ShareTheirFoldedTerms()
    {
        var terms = new TermInterner();
        var first = (OrNode)QueryCompiler.Compile("Acme OR \"acme corp\" OR café", terms);
        var second = (OrNode)QueryCompiler.Compile("ACME OR corp OR \"Café\"", terms);

        var acme = ((WordTerm)first.Children[0]).Text;
        Assert.Equal("acme", acme);
        Assert.Same(acme, ((PhraseTerm)first.Children[1]).Elements[0].Key);
        Assert.Same(acme, ((WordTerm)second.Children[0]).Text);
        Assert.Same(((PhraseTerm)first.Children[1]).Elements[1].Key, ((WordTerm)second.Children[1]).Text);
        Assert.Same(((WordTerm)first.Children[2]).Text, ((WordTerm)second.Children[2]).Text);
        Assert.Equal(3, terms.Count);
    }

    [Fact]
    public void QueriesCompiledApart_HaveStringsOfTheirOwn()
    {
        var first = (WordTerm)QueryCompiler.Compile("Acme");
        var second = (WordTerm)QueryCompiler.Compile("acme");
        Assert.Equal(first.Text, second.Text);
        Assert.NotSame(first.Text, second.Text);
    }

    // The parser's node for a plain word and for it quoted are the nodes of its analysis: one word, its key.
    private static void AssertSameAsAnalysis(string word)
    {
        Assert.True(TermAnalyzer.IsPlainWord(word), word);
        var elements = TermAnalyzer.Elements(word).ToArray();
        var element = Assert.Single(elements);
        Assert.Equal(TokenKind.Word, element.Kind);
        Assert.Equal(new WordTerm(0, element.Key), QueryParser.Parse(word));
        Assert.Equal(new WordTerm(0, element.Key, WholeOnly: true), QueryParser.Parse($"\"{word}\""));
    }
}
