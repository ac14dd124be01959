namespace Monitro.Tests.Analysis;

/// <summary>Classes of wording from the dev parts of the sets of post forms and reviews, each read as a person reads it.</summary>
public sealed class SentimentFormRuleTests
{
    private static readonly LexiconSentimentAnalyzer Sut = new();

    [Fact]
    public void Analyze_ButInAnEarlierSentence_DoesNotWeighTheLaterOnes()
    {
        // Before, the first "but" of the text halved every sentiment word before it and raised every one after it by half,
        // so the small flaw conceded in the first sentence outweighed the verdict of the last.
        const string Review = "I was sceptical at first, but it works. The case is flimsy, which is my only gripe. Great value.";

        Assert.Equal(SentimentLabel.Positive, Sut.Analyze(Review, "en").Label);
    }

    [Fact]
    public void Analyze_ButInOneSentence_StillWeighsTheClauseAfterIt()
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze("the view was lovely but the room was filthy", "en").Label);
        Assert.Equal(SentimentLabel.Positive, Sut.Analyze("the room was small but the view was lovely", "en").Label);
    }

    [Fact]
    public void Analyze_ButOpeningASentence_ContrastsItWithTheSentenceBefore()
    {
        var score = Sut.Analyze("The pizza was excellent. But the room was freezing and the service was rude.", "en");

        Assert.Equal(SentimentLabel.Negative, score.Label);
    }

    [Fact]
    public void Analyze_ShortPraiseOpeningALongerText_IsNotReadAsIronyOfALaterSentence()
    {
        // The opening "A warm," is praise only and so is the rest of its sentence: nothing is ironic, whatever later
        // sentences say, so "warm" adds to the score.
        var withOpening = Sut.Analyze("A warm, funny film. The plot is dull and the ending is awful.", "en");
        var without = Sut.Analyze("A funny film. The plot is dull and the ending is awful.", "en");

        Assert.True(withOpening.Compound > without.Compound);
    }

    [Theory]
    [InlineData("great, the app crashed again")]
    [InlineData("brilliant customer service, they hung up on me")]
    public void Analyze_ShortPraiseOpeningANegativeSentence_IsStillIronic(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("why is every road in this city being dug up at the same time?")]
    [InlineData("why do I have to call 5 times to cancel?")]
    [InlineData("how come the bus never shows up")]
    public void Analyze_QuestionOpeningWithWhyAndNoSentimentWord_IsAComplaint(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("why not")]
    [InlineData("why did nobody tell me this place was so good??")]
    public void Analyze_WhyQuestionWithSentimentOrWhyNot_IsNotForcedNegative(string text)
    {
        Assert.NotEqual(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("why would anyone think this was a smart move")]
    [InlineData("who decided a 7am kickoff was a good idea")]
    [InlineData("whose idea was it to make the free tier useful for nothing")]
    public void Analyze_PraiseInAComplainingQuestion_IsDoubtedNotGiven(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Fact]
    public void Analyze_ComplainingQuestionAfterPraise_WeighsAgainstIt()
    {
        var praise = Sut.Analyze("three hours of sleep before my final was a great plan", "en").Compound;
        var questioned = Sut.Analyze("three hours of sleep before my final was a great plan. why am i like this", "en").Compound;

        Assert.True(questioned < praise, $"{questioned} is not below {praise}.");
    }

    [Theory]
    [InlineData("why is this song so good")]
    [InlineData("why are puppies so cute")]
    [InlineData("why is everyone so lovely today 😍")]
    public void Analyze_WhyQuestionThatExclaimsPraise_StaysPositive(string text)
    {
        Assert.Equal(SentimentLabel.Positive, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("i really don't like the new layout")]
    [InlineData("didn't like the ending")]
    [InlineData("we do not like the changes to the menu")]
    [InlineData("never even liked that show")]
    public void Analyze_TheVerbLikeNegated_IsADislike(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("it looks like the one my sister has")]
    [InlineData("it's not like the other branch, the desks face the window")]
    public void Analyze_LikeAsAPreposition_CarriesNoSentiment(string text)
    {
        Assert.Equal(SentimentLabel.Neutral, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("the rudest people i've ever met", "the rudest people i met")]
    [InlineData("best gig ever", "best gig")]
    [InlineData("the most beautiful beach i have ever seen", "the most beautiful beach i have seen")]
    public void Analyze_SuperlativeWithEver_IsStressed(string withEver, string without)
    {
        var stressed = Sut.Analyze(withEver, "en").Compound;
        var plain = Sut.Analyze(without, "en").Compound;

        Assert.True(Math.Abs(stressed) > Math.Abs(plain), $"{stressed} is not stronger than {plain}.");
        Assert.Equal(Math.Sign(plain), Math.Sign(stressed));
    }

    [Fact]
    public void Analyze_EverWithoutASuperlative_StressesNothing()
    {
        Assert.Equal(Sut.Analyze("the food was good, have you ever been?", "en").Compound, Sut.Analyze("the food was good, have you been?", "en").Compound);
    }

    [Fact]
    public void Analyze_QuestionWithWhy_InAnotherLanguage_IsLeftAlone()
    {
        Assert.Equal(0, Sut.Analyze("why", "de").Compound);
    }

    [Theory]
    [InlineData("could not be more disappointed", SentimentLabel.Negative)]
    [InlineData("couldn't be more proud of the team", SentimentLabel.Positive)]
    [InlineData("I can't recommend this guesthouse enough", SentimentLabel.Positive)]
    [InlineData("can't thank the nurses enough, they were wonderful", SentimentLabel.Positive)]
    [InlineData("I can't recommend this guesthouse", SentimentLabel.Negative)]
    [InlineData("not good enough", SentimentLabel.Negative)]
    public void Analyze_CannotBeMoreAndCannotEnough_AreEmphasisNotNegation(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Fact]
    public void Analyze_CouldNotBeMore_IsStrongerThanTheWordAlone()
    {
        Assert.True(Sut.Analyze("could not be more disappointed", "en").Compound < Sut.Analyze("disappointed", "en").Compound);
    }
}
