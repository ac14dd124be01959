namespace Monitro.Tests.Analysis;

/// <summary>Classes of wording that real short posts use, each read as a person reads it.</summary>
public sealed class TweetSentimentRuleTests
{
    private static readonly LexiconSentimentAnalyzer Sut = new();

    [Theory]
    [InlineData("not bad at all")]
    [InlineData("never disappointed by this place")]
    [InlineData("can't complain, life is good")]
    [InlineData("eh, could be worse")]
    [InlineData("could have been worse honestly")]
    public void Analyze_NegatedOrDownplayedComplaint_IsPositive(string text)
    {
        Assert.Equal(SentimentLabel.Positive, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("my flight got delayed 3 hours. great.")]
    [InlineData("car broke down on the highway. awesome. just awesome.")]
    [InlineData("support ignored me for a week. love it")]
    public void Analyze_ShortPraiseClosingANegativePost_IsIronic(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("refund arrived in 3 days, well done")]
    [InlineData("zero bugs after the upgrade, amazing")]
    [InlineData("the update was bad at first. now it is really great")]
    public void Analyze_PraiseAfterACommaOrInALongerSentence_IsMeant(string text)
    {
        Assert.Equal(SentimentLabel.Positive, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("tried to bake a cake #epicfail", SentimentLabel.Negative)]
    [InlineData("#MondayBlues", SentimentLabel.Negative)]
    [InlineData("support was useless #customerservicefail", SentimentLabel.Negative)]
    [InlineData("finally friday #TGIF", SentimentLabel.Positive)]
    [InlineData("#SoHappy with the new phone", SentimentLabel.Positive)]
    public void Analyze_Hashtags_AreReadAsTheirWords(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("monday again:(", SentimentLabel.Negative)]
    [InlineData("what a day...:(", SentimentLabel.Negative)]
    [InlineData("see you there:)", SentimentLabel.Positive)]
    [InlineData("new shoes:D!!", SentimentLabel.Positive)]
    public void Analyze_EmoticonGluedToAWord_IsRead(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Fact]
    public void Analyze_NegationInsideAHashtag_DoesNotReachTheWordsAfterIt()
    {
        Assert.Equal(SentimentLabel.Positive, Sut.Analyze("#NoFilter amazing view from the top", "en").Label);
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze("#NotHappy", "en").Label);
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze("not happy", "en").Label);
    }

    [Theory]
    [InlineData("the seats were less cramped this time", SentimentLabel.Positive)]
    [InlineData("the new version is less helpful than the old one", SentimentLabel.Negative)]
    public void Analyze_LessBeforeASentimentWord_TurnsIt(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("annoy", "annoys", "annoying", "annoyed")]
    [InlineData("frustrate", "frustrates", "frustrating", "frustrated")]
    [InlineData("disappoint", "disappoints", "disappointing", "disappointed")]
    [InlineData("impress", "impresses", "impressive", "impressed")]
    [InlineData("clumsy", "clumsier", "clumsily", "clumsiness")]
    [InlineData("cosy", "cosier", "cosily", "cosiness")]
    public void BuiltInLexicon_InflectedForms_AreListedWithTheSignOfTheirWord(string word, string first, string second, string third)
    {
        var lexicon = LexiconSentimentAnalyzer.BuiltInLexicon;
        var sign = Math.Sign(lexicon[word]);

        Assert.All(new[] { first, second, third }, form => Assert.Equal(sign, Math.Sign(lexicon[form])));
    }

    [Fact]
    public void Analyze_ElongationCapsAndExclamations_AddIntensity()
    {
        var plain = Sut.Analyze("good", "en").Compound;
        var elongated = Sut.Analyze("goooood", "en").Compound;
        var boosted = Sut.Analyze("sooo goooood", "en").Compound;
        var caps = Sut.Analyze("so GOOD today", "en").Compound;
        var exclaimed = Sut.Analyze("so good!!!", "en").Compound;

        Assert.Equal(plain, elongated);
        Assert.True(boosted > elongated, $"{boosted} <= {elongated}");
        Assert.True(caps > Sut.Analyze("so good today", "en").Compound);
        Assert.True(exclaimed > Sut.Analyze("so good", "en").Compound);
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze("noooo", "en").Label);
        Assert.Equal(SentimentLabel.Positive, Sut.Analyze("yesssss", "en").Label);
    }

    [Theory]
    [InlineData("Happy birthday to my best friend!! love you 🎂❤️", SentimentLabel.Positive)]
    [InlineData("👍🏽👍🏽", SentimentLabel.Positive)]
    [InlineData("❤️", SentimentLabel.Positive)]
    [InlineData("feel so alone lately", SentimentLabel.Negative)]
    [InlineData("got laid off today", SentimentLabel.Negative)]
    [InlineData("allergies are killing me today", SentimentLabel.Negative)]
    [InlineData("i miss my friends", SentimentLabel.Negative)]
    [InlineData("lmaooo you're hilarious 😂😂", SentimentLabel.Positive)]
    [InlineData("fml lost my wallet", SentimentLabel.Negative)]
    public void Analyze_EverydayVocabulary_IsRated(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("@acme https://example.com/status/123 #release")]
    [InlineData("new post: https://blog.example.com/worst-update-ever-and-how-we-fixed-it")]
    [InlineData("@GoodEats @BestBuy opening hours on sunday?")]
    [InlineData("it's friday")]
    [InlineData("the bank is closed for the holiday")]
    public void Analyze_HandlesLinksAndCalendarWords_AreNeutral(string text)
    {
        Assert.Equal(SentimentLabel.Neutral, Sut.Analyze(text, "en").Label);
    }

    [Fact]
    public void Analyze_ContrastWithBut_WeighsTheSecondClause()
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze("the food was good but the service was terrible", "en").Label);
        Assert.Equal(SentimentLabel.Positive, Sut.Analyze("service was slow but the food was great", "en").Label);
    }

    [Theory]
    [InlineData("pretty bad week tbh", SentimentLabel.Negative)]
    [InlineData("the new season is pretty good", SentimentLabel.Positive)]
    [InlineData("damn good burger", SentimentLabel.Positive)]
    [InlineData("bloody awful service", SentimentLabel.Negative)]
    [InlineData("literally the worst", SentimentLabel.Negative)]
    public void Analyze_IntensifierOfSocialPosts_KeepsTheDirectionOfTheNextWord(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("the soup was soggy and the bread stale", SentimentLabel.Negative)]
    [InlineData("stranded at the station with no wifi", SentimentLabel.Negative)]
    [InlineData("she got promoted today!", SentimentLabel.Positive)]
    [InlineData("those tacos were mouthwatering", SentimentLabel.Positive)]
    public void Analyze_EverydayWordsOfTheCoverageReview_CarrySentiment(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("although the staff were friendly, the food was cold", SentimentLabel.Negative)]
    [InlineData("although it was freezing, the beach walk was lovely", SentimentLabel.Positive)]
    [InlineData("even though the hotel was awful, we had a great time", SentimentLabel.Positive)]
    [InlineData("the walk was lovely, although it was freezing", SentimentLabel.Positive)]
    [InlineData("the food was awful, although the staff were nice", SentimentLabel.Negative)]
    public void Analyze_Concession_StressesThePointOverTheConcededClause(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, "en").Label);
    }

    [Fact]
    public void Analyze_ThoughInTheMiddleOfASentence_ConcedesWhatFollows()
    {
        // In reviews "though" concedes a minor flaw; "but" would make the flaw the point.
        var though = Sut.Analyze("the food was great, though a bit pricey", "en");
        Assert.Equal(SentimentLabel.Positive, though.Label);
        Assert.True(though.Compound > Sut.Analyze("the food was great, but a bit pricey", "en").Compound);
    }

    [Theory]
    [InlineData("great game though")]
    [InlineData("what a lovely day tho!!")]
    public void Analyze_ThoughClosingAClause_WeighsNothing(string text)
    {
        var without = text.Replace(" though", string.Empty, StringComparison.Ordinal).Replace(" tho", string.Empty, StringComparison.Ordinal);
        Assert.Equal(Sut.Analyze(without, "en").Compound, Sut.Analyze(text, "en").Compound);
    }

    [Theory]
    [InlineData("locked myself out AGAIN")]
    [InlineData("grey again. of course")]
    [InlineData("another 3 hour delay")]
    [InlineData("ffs not again")]
    public void Analyze_TroubleComeBack_IsNegative(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Fact]
    public void Analyze_PraiseSaidAgain_StaysPraiseAndWeighsMore()
    {
        var again = Sut.Analyze("we won again!!", "en");
        Assert.Equal(SentimentLabel.Positive, again.Label);
        Assert.True(again.Compound > Sut.Analyze("we won!!", "en").Compound);
    }

    [Theory]
    [InlineData("weekend!!")]
    [InlineData("found a flat!!! tiny but mine")]
    [InlineData("first strawberries from the garden!")]
    public void Analyze_ExclamationWithoutAWordOfFeeling_IsMildExcitement(string text)
    {
        var score = Sut.Analyze(text, "en");
        Assert.Equal(SentimentLabel.Positive, score.Label);
        Assert.True(score.Compound < 0.5, $"{text}: {score.Compound} is more than mild excitement.");
    }

    [Fact]
    public void Analyze_MoreExclamationMarksWithoutAWordOfFeeling_ReadAsMoreExcitement()
    {
        Assert.True(Sut.Analyze("weekend!!!", "en").Compound > Sut.Analyze("weekend!", "en").Compound);
    }

    [Theory]
    [InlineData("six weeks for a passport?!")]
    [InlineData("no!!")]
    [InlineData("not today!")]
    [InlineData("new episode tonight")]
    public void Analyze_ExclamationThatAsksOrDenies_OrNoExclamation_IsNotExcitement(string text)
    {
        Assert.False(Sut.Analyze(text, "en").Compound > 0, text);
    }
}
