using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

public sealed class LexiconSentimentAnalyzerTests
{
    private const int Precision = 6;

    private static double Good => LexiconSentimentAnalyzer.BuiltInLexicon["good"];

    private static double Bad => LexiconSentimentAnalyzer.BuiltInLexicon["bad"];

    private static LexiconSentimentAnalyzer CreateSut(SentimentOptions? options = null) =>
        options is null ? new LexiconSentimentAnalyzer() : new LexiconSentimentAnalyzer(options);

    private static double Compound(string text) => CreateSut().Analyze(text, "en").Compound;

    [Fact]
    public void BuiltInLexicon_IsLargeAndRatedWithinScale()
    {
        var lexicon = LexiconSentimentAnalyzer.BuiltInLexicon;

        Assert.True(lexicon.Count >= 7000, $"The built-in lexicon has {lexicon.Count} terms.");
        Assert.All(lexicon, entry => Assert.InRange(entry.Value, -4, 4));
        Assert.True(lexicon["love"] > 2);
        Assert.True(lexicon["outage"] < -1);
        Assert.True(lexicon["👍"] > 0);
        Assert.True(lexicon[":("] < 0);
    }

    [Theory]
    [InlineData("The new release is good")]
    [InlineData("I love this app")]
    [InlineData("Support was amazing and super helpful")]
    public void Analyze_PositiveWords_ScorePositive(string text)
    {
        var score = CreateSut().Analyze(text, "en");

        Assert.True(score.Compound > 0.05, $"{score.Compound}");
        Assert.Equal(SentimentLabel.Positive, score.Label);
    }

    [Theory]
    [InlineData("The new release is bad")]
    [InlineData("Another outage, this app is buggy and laggy")]
    [InlineData("I hate the new layout")]
    public void Analyze_NegativeWords_ScoreNegative(string text)
    {
        var score = CreateSut().Analyze(text, "en");

        Assert.True(score.Compound < -0.05, $"{score.Compound}");
        Assert.Equal(SentimentLabel.Negative, score.Label);
    }

    [Fact]
    public void Analyze_SingleWord_IsNormalizedValence()
    {
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good), Compound("The app is good"), Precision);
        Assert.Equal(Good / Math.Sqrt((Good * Good) + 15), Compound("good"), Precision);
    }

    [Theory]
    [InlineData("The app is not good")]
    [InlineData("The app isn't good")]
    [InlineData("The app isn’t good")]
    [InlineData("The app is never good")]
    [InlineData("The app isnt good")]
    public void Analyze_NegationJustBefore_FlipsAndScalesValence(string text)
    {
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good * -0.74), Compound(text), Precision);
    }

    [Fact]
    public void Analyze_NegationThreeWordsBack_StillFlips()
    {
        Assert.True(Compound("It is not at all good") < 0);
        Assert.True(Compound("Don't think it's bad") > 0);
    }

    [Fact]
    public void Analyze_NegationFourWordsBack_DoesNotFlip()
    {
        Assert.True(Compound("Not sure why this one is good") > 0);
    }

    [Fact]
    public void Analyze_NegationBeforeClausePunctuation_DoesNotReachAcrossIt()
    {
        Assert.True(Compound("Support never responds, terrible experience") < -0.05);
    }

    [Fact]
    public void Analyze_Booster_IncreasesMagnitudeInBothDirections()
    {
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good + 0.293), Compound("very good"), Precision);
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Bad - 0.293), Compound("very bad"), Precision);
        Assert.True(Compound("extremely good") > Compound("good"));
        Assert.True(Compound("extremely bad") < Compound("bad"));
    }

    [Fact]
    public void Analyze_BoosterFartherBack_WeighsLess()
    {
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good + 0.293 + (0.293 * 0.95)), Compound("so very good"), Precision);
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good + (0.293 * 0.9)), Compound("really the whole good"), Precision);
    }

    [Fact]
    public void Analyze_Dampener_DecreasesMagnitude()
    {
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good - 0.293), Compound("slightly good"), Precision);
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good - 0.293), Compound("kind of good"), Precision);
        Assert.True(Compound("somewhat bad") > Compound("bad"));
    }

    [Fact]
    public void Analyze_But_WeighsTheClauseAfterIt()
    {
        var goodThenBad = Compound("The app is good but the support is bad");
        var badThenGood = Compound("The app is bad but the support is good");

        Assert.Equal(LexiconSentimentAnalyzer.Normalize((0.5 * Good) + (1.5 * Bad)), goodThenBad, Precision);
        Assert.True(goodThenBad < 0);
        Assert.True(badThenGood > 0);
    }

    [Fact]
    public void Analyze_CapitalizedWordAmongLowerCase_IncreasesMagnitude()
    {
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good + 0.733), Compound("The app is GOOD"), Precision);
        Assert.True(Compound("The app is BAD") < Compound("The app is bad"));
    }

    [Fact]
    public void Analyze_WholeTextInCapitals_GetsNoCapsEmphasis()
    {
        Assert.Equal(Compound("the app is good"), Compound("THE APP IS GOOD"), Precision);
    }

    [Fact]
    public void Analyze_ExclamationMarks_AddUpToFour()
    {
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good + 0.292), Compound("good!"), Precision);
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good + (4 * 0.292)), Compound("good!!!!"), Precision);
        Assert.Equal(Compound("good!!!!"), Compound("good!!!!!!!"), Precision);
        Assert.True(Compound("bad!!") < Compound("bad"));
    }

    [Fact]
    public void Analyze_ExclamationMarksWithoutSentimentWords_AreMildExcitementOnly()
    {
        // An English post that exclaims without a word of feeling reads as mild excitement (see TweetSentimentRuleTests);
        // the words alone stay neutral.
        Assert.Equal(0, Compound("Version 4.2 is out"));
        Assert.InRange(Compound("Version 4.2 is out!!!"), 0.05, 0.5);
    }

    [Fact]
    public void Analyze_QuestionMarks_OneAddsNothingTwoOrThreeAddEachMoreAreCapped()
    {
        Assert.Equal(Compound("good"), Compound("good?"), Precision);
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good + 0.36), Compound("good??"), Precision);
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good + 0.54), Compound("good???"), Precision);
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good + 0.96), Compound("good????"), Precision);
        Assert.Equal(Compound("good????"), Compound("good????????"), Precision);
        Assert.True(Compound("bad??") < Compound("bad"));
    }

    [Theory]
    [InlineData("New release 😡", -1)]
    [InlineData("New release 👍", 1)]
    [InlineData("New release ❤️", 1)]
    [InlineData("New release 💩", -1)]
    [InlineData("New release 🙄", -1)]
    [InlineData("New release :)", 1)]
    [InlineData("New release :(", -1)]
    [InlineData("New release <3", 1)]
    [InlineData("thanks😍", 1)]
    public void Analyze_EmojiAndEmoticons_AreScoredThroughTheLexicon(string text, int direction)
    {
        Assert.Equal(direction, Math.Sign(Compound(text)));
    }

    [Fact]
    public void Analyze_EmojiWithSkinToneOrVariationSelector_ScoresLikeThePlainEmoji()
    {
        Assert.Equal(Compound("great job 👍"), Compound("great job 👍🏽"), Precision);
        Assert.Equal(Compound("love it ❤"), Compound("love it ❤️"), Precision);
    }

    [Fact]
    public void Analyze_IdiomTheBomb_IsPositive()
    {
        Assert.True(Compound("this app is the bomb") > 0.5);
    }

    [Fact]
    public void Analyze_IdiomYeahRight_IsNegative()
    {
        Assert.True(Compound("yeah right, they fixed it") < 0);
    }

    [Fact]
    public void Analyze_WithoutDoubt_IsNotANegation()
    {
        Assert.Equal(Compound("the best"), Compound("without doubt the best"), Precision);
        Assert.True(Compound("without good support") < 0);
    }

    [Fact]
    public void Analyze_NeverSo_EmphasizesInsteadOfNegating()
    {
        var valence = LexiconSentimentAnalyzer.BuiltInLexicon["happy"];

        Assert.Equal(LexiconSentimentAnalyzer.Normalize(valence * 1.25), Compound("never so happy"), Precision);
        Assert.True(Compound("never happy") < 0);
    }

    [Fact]
    public void Analyze_MultiWordLexiconEntry_IsScoredAsOneUnit()
    {
        Assert.True(Compound("the dashboard is down again") < -0.3);
        Assert.True(Compound("this app is a game changer") > 0.5);
    }

    [Fact]
    public void Analyze_ElongatedSpelling_IsReadAsTheWord()
    {
        Assert.Equal(Compound("good"), Compound("goooood"), Precision);
        Assert.Equal(Compound("I love it"), Compound("I looooove it"), Precision);
        Assert.Equal(0, Compound("zzzzz"));
    }

    [Fact]
    public void Analyze_Least_NegatesUnlessAtLeast()
    {
        Assert.True(Compound("the least helpful support") < 0);
        Assert.True(Compound("at least helpful") > 0);
    }

    [Fact]
    public void Analyze_BoosterThatIsAlsoASentimentWord_BoostsOnlyBeforeASentimentWord()
    {
        var super = LexiconSentimentAnalyzer.BuiltInLexicon["super"];

        Assert.Equal(LexiconSentimentAnalyzer.Normalize(Good + 0.293), Compound("super good"), Precision);
        Assert.Equal(LexiconSentimentAnalyzer.Normalize(super), Compound("that is super"), Precision);
    }

    [Fact]
    public void Analyze_PhraseAcrossClausePunctuation_IsNotMatched()
    {
        Assert.Equal(0, Compound("what it is, down the road"));
    }

    [Fact]
    public void Analyze_UnknownHyphenatedWord_IsReadAsItsParts()
    {
        Assert.True(Compound("super-fast sync") > 0);
    }

    [Theory]
    [InlineData("The app launched today")]
    [InlineData("Version 4.2 is available for Linux")]
    public void Analyze_NoSentimentWords_IsNeutral(string text)
    {
        var score = CreateSut().Analyze(text, "en");

        Assert.Equal(0, score.Compound);
        Assert.Equal(SentimentLabel.Neutral, score.Label);
    }

    [Fact]
    public void Analyze_CompoundInsideNeutralBand_IsNeutral()
    {
        var wide = CreateSut(new SentimentOptions { NeutralThreshold = 0.5 });

        var score = wide.Analyze("good", "en");

        Assert.InRange(score.Compound, 0.05, 0.5);
        Assert.Equal(SentimentLabel.Neutral, score.Label);
        Assert.Equal(SentimentLabel.Positive, CreateSut().Analyze("good", "en").Label);
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("it-IT")]
    [InlineData("ja")]
    public void Analyze_LanguageWithoutResources_IsNeutralWithLowConfidence(string language)
    {
        var score = CreateSut().Analyze("I love it, amazing 😍", language);

        Assert.Equal(0, score.Compound);
        Assert.Equal(SentimentLabel.Neutral, score.Label);
        Assert.Equal(LexiconSentimentAnalyzer.UncoveredLanguageConfidence, score.Confidence);
        Assert.True(score.Confidence <= 0.1);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("EN_us")]
    [InlineData(null)]
    public void Analyze_EnglishOrUnknownLanguage_IsScored(string? language)
    {
        Assert.Equal(SentimentLabel.Positive, CreateSut().Analyze("I love it", language).Label);
    }

    [Fact]
    public void Analyze_MoreSentimentWords_RaiseConfidence()
    {
        var sut = CreateSut();

        var none = sut.Analyze("The app launched today", "en").Confidence;
        var one = sut.Analyze("The app is good", "en").Confidence;
        var several = sut.Analyze("Great app, fast sync, helpful support, love it", "en").Confidence;

        Assert.True(none < one, $"{none} < {one}");
        Assert.True(one < several, $"{one} < {several}");
        Assert.True(several >= 0.8);
    }

    [Theory]
    [InlineData("!!!???")]
    [InlineData("\uD83D broken surrogate \uDE00")]
    [InlineData("\u0000\u0001 control \u200D\uFE0F")]
    [InlineData("https://example.com/good?x=1 @good_user #")]
    [InlineData("-- '' ' - _")]
    public void Analyze_OddInput_StaysInRangeWithoutThrowing(string text)
    {
        var score = CreateSut().Analyze(text, "en");

        Assert.InRange(score.Compound, -1, 1);
        Assert.InRange(score.Confidence, 0, 1);
    }

    [Fact]
    public void Analyze_VeryLongText_IsClampedToRange()
    {
        var text = string.Concat(Enumerable.Repeat("AMAZING love it!!! 😍 ", 5000));

        var score = CreateSut().Analyze(text, "en");

        Assert.InRange(score.Compound, 0.99, 1);
        Assert.Equal(SentimentLabel.Positive, score.Label);
    }

    [Fact]
    public void Analyze_EmptyText_IsUnknown()
    {
        Assert.Equal(SentimentScore.Unknown, CreateSut().Analyze("   ", "en"));
    }

    [Fact]
    public void Analyze_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CreateSut().Analyze(null!, "en"));
    }

    [Fact]
    public void Analyze_ManyThreads_GiveTheSameScores()
    {
        var sut = CreateSut();
        var texts = new[] { "I LOVE the new sync!!", "Worst outage ever 😡", "not bad at all", "kind of slow but works" };
        var expected = texts.Select(text => sut.Analyze(text, "en")).ToArray();

        var results = new SentimentScore[400];
        Parallel.For(0, results.Length, i => results[i] = sut.Analyze(texts[i % texts.Length], "en"));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }
}
