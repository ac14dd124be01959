namespace Monitro.Tests.Analysis;

/// <summary>Phrases as people vary them (a booster inside, "this" for "it"), and expected events said not to have happened.</summary>
public sealed class SentimentPhraseRuleTests
{
    private static readonly LexiconSentimentAnalyzer Sut = new();

    [Fact]
    public void Analyze_BoosterInsideAPhrase_BoostsThePhrase()
    {
        var plain = Sut.Analyze("feeling down", "en").Compound;
        var boosted = Sut.Analyze("feeling really down", "en").Compound;

        Assert.True(plain < 0, $"'feeling down' scored {plain}.");
        Assert.True(boosted < plain, $"'feeling really down' scored {boosted}, not below {plain}.");
    }

    [Theory]
    [InlineData("can't take this anymore")]
    [InlineData("can't take that anymore")]
    public void Analyze_PhraseWithThisOrThatForIt_MatchesThePhrase(string text)
    {
        Assert.False(LexiconSentimentAnalyzer.BuiltInLexicon.ContainsKey(text));
        Assert.Equal(Sut.Analyze("can't take it anymore", "en").Compound, Sut.Analyze(text, "en").Compound, 6);
    }

    [Theory]
    [InlineData("my parcel never arrived")]
    [InlineData("nobody replied to my email")]
    [InlineData("didn't sleep at all")]
    [InlineData("the app won't load")]
    [InlineData("ordered a pizza an hour ago and it still hasn't come")]
    public void Analyze_ExpectedEventThatDidNotHappen_IsNegative(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("my parcel arrived")]
    [InlineData("she replied to my email")]
    [InlineData("the app loads on start")]
    public void Analyze_ExpectedEventThatHappened_ScoresNothing(string text)
    {
        Assert.Equal(0, Sut.Analyze(text, "en").Compound);
    }
}
