using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

/// <summary>Misreadings found on real posts, pinned so they stay fixed.</summary>
public sealed class SentimentRegressionTests
{
    private static readonly LexiconSentimentAnalyzer Sut = new();

    [Theory]
    [InlineData("No. WTF")]
    [InlineData("no. worst service ever")]
    [InlineData("No! this is terrible")]
    public void Analyze_NoEndingThePreviousSentence_DoesNotNegateTheNextOne(string text)
    {
        var score = Sut.Analyze(text, "en");

        Assert.Equal(SentimentLabel.Negative, score.Label);
    }

    [Theory]
    [InlineData("Still no cheque :(")]
    [InlineData("no reply from support 😡")]
    [InlineData("not again 😭")]
    public void Analyze_NegationBeforeAFrownOrAnAngryEmoji_DoesNotFlipIt(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("this can only mean one thing")]
    [InlineData("what does this mean?")]
    [InlineData("you have an outstanding balance of $42.10")]
    [InlineData("on sick leave this week")]
    public void Analyze_NeutralSensesOfSentimentWords_AreNeutral(string text)
    {
        var score = Sut.Analyze(text, "en");

        Assert.Equal(SentimentLabel.Neutral, score.Label);
    }

    [Fact]
    public void Analyze_MeanAsAnAdjective_StaysNegative()
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze("the agent was so mean to me", "en").Label);
    }

    [Theory]
    [InlineData("SKYPE NEEDS TO DIE IN A FIRE.")]
    [InlineData("an absolute joke")]
    [InlineData("I want this app to die in a fire")]
    public void Analyze_HostileIdioms_AreClearlyNegative(string text)
    {
        var score = Sut.Analyze(text, "en");

        Assert.True(score.Compound <= -0.5, $"'{text}' scored {score.Compound:F3}.");
    }

    // The posts of the quick-start data quoted in the issue, with the reading a person gives them.
    [Theory]
    [InlineData("we're moving the team off Tidewell at the end of the quarter. support never got back to us lol #remotework 🙃", SentimentLabel.Negative)]
    [InlineData("Tidewell support replied with a canned answer that has nothing to do with my question. love that for me", SentimentLabel.Negative)]
    [InlineData("tidewell fixed the bug i reported in under 48 hours and emailed me personally. that's how you keep customers\n\n#productivity", SentimentLabel.Positive)]
    [InlineData("giving Tidewell one more month. if the sync bugs aren't fixed we're gone!! #Tidewell", SentimentLabel.Negative)]
    [InlineData("officially a Tidewell customer now. the nonprofit discount sealed it", SentimentLabel.Positive)]
    public void Analyze_QuickStartPosts_ReadAsAPersonReadsThem(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }
}
