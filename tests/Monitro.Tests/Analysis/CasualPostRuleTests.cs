namespace Monitro.Tests.Analysis;

/// <summary>Classes of wording in casual short posts (slang boosters, fillers, emphasis, irony marks, scores), each read as a person reads it.</summary>
public sealed class CasualPostRuleTests
{
    private static readonly LexiconSentimentAnalyzer Sut = new();

    [Theory]
    [InlineData("mad good", SentimentLabel.Positive)]
    [InlineData("stupid fast delivery", SentimentLabel.Positive)]
    [InlineData("dead tired after that shift", SentimentLabel.Negative)]
    [InlineData("proper good night out", SentimentLabel.Positive)]
    [InlineData("this guy is mad", SentimentLabel.Negative)]
    public void Analyze_SlangBooster_BoostsTheNextWordOrIsReadAlone(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Fact]
    public void Analyze_SlangBoosterBeforeAWord_WeighsMoreThanTheWordAlone()
    {
        Assert.True(Sut.Analyze("mad good", "en").Compound > Sut.Analyze("good", "en").Compound);
    }

    [Theory]
    [InlineData("not gonna lie love this", SentimentLabel.Positive)]
    [InlineData("not going to lie this pizza is great", SentimentLabel.Positive)]
    [InlineData("holy shit that was amazing", SentimentLabel.Positive)]
    [InlineData("i'm crying 😂 this meme", SentimentLabel.Positive)]
    public void Analyze_FillerWithANegationOrASwearWord_JudgesNothing(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("i've never been so bored in a cinema")]
    [InlineData("i have never felt so ignored by a company")]
    public void Analyze_NeverBeenSo_IsEmphasisNotNegation(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("zero respect for people who don't return trolleys", SentimentLabel.Negative)]
    [InlineData("zero complaints from me", SentimentLabel.Positive)]
    public void Analyze_Zero_Negates(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("great start to the week 🙃")]
    [InlineData("this is fine 🔥🔥 🙃")]
    [InlineData("support never got back to us lol 🙃")]
    [InlineData("love my neighbours' music at 2am 🙄")]
    [InlineData("so helpful as always 🙄")]
    public void Analyze_IronyMark_TurnsPraiseIntoItsOpposite(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("thanks for the update that broke my printer")]
    [InlineData("thank you for losing my parcel")]
    [InlineData("can't wait to be stuck in traffic all afternoon")]
    public void Analyze_ThanksOrEagernessForATrouble_IsSarcasm(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("thanks for your help when my car broke down")]
    [InlineData("thanks for the lovely evening, shame about the rain")]
    [InlineData("can't wait to see you all")]
    public void Analyze_ThanksForHelpOrPraiseBesideATrouble_IsNotSarcasm(string text)
    {
        Assert.NotEqual(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("W take", SentimentLabel.Positive)]
    [InlineData("huge W for the commuters today", SentimentLabel.Positive)]
    [InlineData("another L for the home side", SentimentLabel.Negative)]
    [InlineData("took the L on that one", SentimentLabel.Negative)]
    [InlineData("he cooked with this album", SentimentLabel.Positive)]
    [InlineData("we are so cooked", SentimentLabel.Negative)]
    public void Analyze_WinningAndLosingSlang_IsRead(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("the film? 7/10", SentimentLabel.Positive)]
    [InlineData("4/10, would not watch again", SentimentLabel.Negative)]
    [InlineData("1 star", SentimentLabel.Negative)]
    [InlineData("5 stars from me", SentimentLabel.Positive)]
    public void Analyze_ScoresAndStars_AreRead(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }
}
