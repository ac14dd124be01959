namespace Monitro.Tests.Analysis;

/// <summary>
/// Words the lexicon does not list as written, read through the forms people write them in: inflected and derived
/// forms, opposite prefixes, elongations, masked swear words and repeated laughter; and the emoji of overwhelm.
/// </summary>
public sealed class SentimentWordFormTests
{
    private static readonly LexiconSentimentAnalyzer Sut = new();

    [Theory]
    [InlineData("crisply", "crisp")]
    [InlineData("brashly", "brash")]
    [InlineData("nimbly", "nimble")]
    [InlineData("moodiness", "moody")]
    [InlineData("bossily", "bossy")]
    [InlineData("snazziest", "snazzy")]
    public void Analyze_InflectedOrDerivedForm_IsRatedAsItsStem(string form, string stem)
    {
        Assert.False(LexiconSentimentAnalyzer.BuiltInLexicon.ContainsKey(form));
        Assert.True(LexiconSentimentAnalyzer.BuiltInLexicon.ContainsKey(stem));
        Assert.Equal(Sut.Analyze($"it was {stem}", "en").Compound, Sut.Analyze($"it was {form}", "en").Compound, 6);
    }

    [Theory]
    [InlineData("unskilled", "skilled")]
    [InlineData("unromantic", "romantic")]
    [InlineData("unspoiled", "spoiled")]
    [InlineData("disenchanted", "enchanted")]
    [InlineData("unexciting", "exciting")]
    public void Analyze_OppositePrefix_ReadsAsTheNegatedStem(string form, string stem)
    {
        Assert.False(LexiconSentimentAnalyzer.BuiltInLexicon.ContainsKey(form));
        var stemScore = Sut.Analyze($"it was {stem}", "en").Compound;
        var formScore = Sut.Analyze($"it was {form}", "en").Compound;
        Assert.NotEqual(0, stemScore);
        Assert.Equal(-Math.Sign(stemScore), Math.Sign(formScore));
        Assert.Equal(Sut.Analyze($"it was not {stem}", "en").Compound, formScore, 6);
    }

    [Theory]
    [InlineData("the goods arrived today")]
    [InlineData("lately i have been reading in the evenings")]
    [InlineData("the treatment starts on monday")]
    [InlineData("they dismissed the case")]
    [InlineData("the kinds of bread they sell")]
    public void Analyze_FormsWhoseSenseDiffers_AreNotDerived(string text)
    {
        Assert.Equal(0, Sut.Analyze(text, "en").Compound);
    }

    [Theory]
    [InlineData("sooooooo glad", "so glad")]
    [InlineData("reallyyyyy bad", "really bad")]
    [InlineData("this is goooood", "this is good")]
    public void Analyze_ElongatedWord_ReadsAsItsShortForm(string elongated, string plain)
    {
        Assert.Equal(Sut.Analyze(plain, "en").Compound, Sut.Analyze(elongated, "en").Compound, 6);
    }

    [Fact]
    public void Analyze_ElongatedNegation_StillNegates()
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze("neverrrr happy with this", "en").Label);
    }

    [Theory]
    [InlineData("this traffic is sh*tty")]
    [InlineData("the b*tches at the desk laughed at me")]
    [InlineData("what a cr*p day")]
    public void Analyze_MaskedSwearWord_IsNegative(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Fact]
    public void Analyze_MaskedBooster_Boosts()
    {
        Assert.True(Sut.Analyze("f*cking amazing", "en").Compound > Sut.Analyze("amazing", "en").Compound);
    }

    [Theory]
    [InlineData("hahahahahaha")]
    [InlineData("HAHAHAHA")]
    [InlineData("lololol")]
    public void Analyze_RepeatedLaughter_IsPositive(string text)
    {
        Assert.Equal(SentimentLabel.Positive, Sut.Analyze(text, "en").Label);
    }

    [Theory]
    [InlineData("we won the cup 😭😭😭")]
    [InlineData("my best friend surprised me, so happy 😭")]
    [InlineData("the puppy is so cute 🥺")]
    [InlineData("this meme is hilarious 💀")]
    [InlineData("she won the final in straight sets 😱")]
    public void Analyze_OverwhelmEmojiBesidePraise_ArePositive(string text)
    {
        var withEmoji = Sut.Analyze(text, "en").Compound;
        var withoutEmoji = Sut.Analyze(text.Replace("😭", "", StringComparison.Ordinal).Replace("🥺", "", StringComparison.Ordinal).Replace("💀", "", StringComparison.Ordinal).Replace("😱", "", StringComparison.Ordinal), "en").Compound;
        Assert.True(withEmoji > withoutEmoji, $"{withEmoji} is not above {withoutEmoji}.");
    }

    [Theory]
    [InlineData("😭")]
    [InlineData("my dog died 😭")]
    [InlineData("the train is cancelled again 😭")]
    [InlineData("just saw the gas bill 😱")]
    public void Analyze_OverwhelmEmojiAloneOrBesideTrouble_AreNegative(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, "en").Label);
    }

    [Fact]
    public void Analyze_WholeLexiconOfTheUser_IsReadWithoutDerivedForms()
    {
        var lexicon = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["crisp"] = 1.5 };
        var ownLexicon = new LexiconSentimentAnalyzer(new SentimentOptions { Lexicon = lexicon });
        var domainWords = new SentimentOptions();
        domainWords.DomainWords["outage"] = -2.5;
        var builtInWithDomainWords = new LexiconSentimentAnalyzer(domainWords);

        Assert.Equal(0, ownLexicon.Analyze("crisply done", "en").Compound);
        Assert.True(ownLexicon.Analyze("crisp", "en").Compound > 0);
        Assert.True(builtInWithDomainWords.Analyze("crisply done", "en").Compound > 0);
    }
}
