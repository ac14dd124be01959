using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

public sealed class LanguageSentimentTests
{
    private static readonly LexiconSentimentAnalyzer Sut = new();

    [Theory]
    [InlineData("Das ist schlecht", "de", SentimentLabel.Negative)]
    [InlineData("Das ist nicht schlecht", "de", SentimentLabel.Positive)]
    [InlineData("Die App ist super, danke!", "de", SentimentLabel.Positive)]
    [InlineData("El servicio es pésimo", "es", SentimentLabel.Negative)]
    [InlineData("No está mal", "es", SentimentLabel.Positive)]
    [InlineData("La comida estaba buenísima", "es-MX", SentimentLabel.Positive)]
    [InlineData("J'adore cette appli", "fr", SentimentLabel.Positive)]
    [InlineData("Pas mal du tout", "fr-CA", SentimentLabel.Positive)]
    [InlineData("Très déçue par le service", "fr", SentimentLabel.Negative)]
    [InlineData("O atendimento é péssimo", "pt-BR", SentimentLabel.Negative)]
    [InlineData("Não é ruim", "pt", SentimentLabel.Positive)]
    [InlineData("A entrega foi rápida, obrigado", "pt", SentimentLabel.Positive)]
    public void Analyze_BuiltInLanguages_UseTheirOwnLexiconAndNegation(string text, string language, SentimentLabel expected)
    {
        var score = Sut.Analyze(text, language);

        Assert.Equal(expected, score.Label);
        Assert.True(score.Confidence >= 0.5, $"confidence {score.Confidence}");
    }

    [Theory]
    [InlineData("Das gefällt mir nicht", "de", SentimentLabel.Negative)]
    [InlineData("Ich liebe dich nicht mehr", "de", SentimentLabel.Negative)]
    [InlineData("J'aime pas trop ce film", "fr", SentimentLabel.Negative)]
    [InlineData("Je le recommande pas du tout", "fr", SentimentLabel.Negative)]
    [InlineData("Gostei não", "pt", SentimentLabel.Negative)]
    [InlineData("Hoy no hice nada y fue maravilloso", "es", SentimentLabel.Positive)]
    [InlineData("Hoje não fiz nada e foi ótimo", "pt", SentimentLabel.Positive)]
    [InlineData("nix gemacht und es war herrlich", "de", SentimentLabel.Positive)]
    public void Analyze_NegationAfterTheVerbOrBeforeAConjunction_ReachesOnlyItsOwnWords(string text, string language, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, language).Label);
    }

    [Theory]
    [InlineData("el servicio es pesimo", "el servicio es pésimo", "es")]
    [InlineData("tres decue par le service", "très déçue par le service", "fr")]
    [InlineData("o atendimento e pessimo", "o atendimento é péssimo", "pt")]
    [InlineData("so schoen heute, gluecklich", "so schön heute, glücklich", "de")]
    [InlineData("MEGA GEIL, Karten fuer Rammstein", "mega geil, Karten für Rammstein", "de")]
    public void Analyze_AccentsLeftOut_ReadAsWrittenWithThem(string withoutAccents, string withAccents, string language)
    {
        var folded = Sut.Analyze(withoutAccents, language);

        Assert.NotEqual(SentimentLabel.Neutral, folded.Label);
        Assert.Equal(Sut.Analyze(withAccents, language).Label, folded.Label);
    }

    [Theory]
    [InlineData("La comida estaba buena", "es", SentimentLabel.Positive)]
    [InlineData("Ils sont tellement mignonnes", "fr", SentimentLabel.Positive)]
    [InlineData("Das war die Woche mit den schlimmsten Nachrichten", "de", SentimentLabel.Negative)]
    [InlineData("Odiaba esa serie", "es", SentimentLabel.Negative)]
    [InlineData("Ela adorou o presente", "pt", SentimentLabel.Positive)]
    public void Analyze_InflectedForms_AreFoundThroughTheirBaseForm(string text, string language, SentimentLabel expected)
    {
        Assert.Equal(expected, Sut.Analyze(text, language).Label);
    }

    [Theory]
    [InlineData("Me dejó mi novio 😭💔", "es")]
    [InlineData("Schon wieder Montag 😒", "de")]
    public void Analyze_EmojiInAnotherLanguage_CountAsInEnglish(string text, string language)
    {
        Assert.Equal(SentimentLabel.Negative, Sut.Analyze(text, language).Label);
    }

    [Theory]
    [InlineData("Wo kann man in Leipzig gut frühstücken?", "de")]
    [InlineData("Quelqu'un connait un bon dentiste à Nantes ?", "fr")]
    [InlineData("Muss morgen früh raus, gute Nacht", "de")]
    [InlineData("Boa noite, pessoal", "pt")]
    [InlineData("Das Spiel beginnt um 20:45 in der ARD", "de")]
    public void Analyze_RequestsGreetingsAndFacts_AreNeutral(string text, string language)
    {
        Assert.Equal(SentimentLabel.Neutral, Sut.Analyze(text, language).Label);
    }

    [Fact]
    public void Analyze_QuestionWithStrongPraise_KeepsItsOpinion()
    {
        Assert.Equal(SentimentLabel.Positive, Sut.Analyze("Habt ihr das geile Tor gesehen?", "de").Label);
    }

    [Fact]
    public void Analyze_LanguageLexiconFromOptions_IsUsedForPostsTaggedWithIt()
    {
        var german = new SentimentLanguage();
        german.Lexicon["knorke"] = 2.5;
        var options = new SentimentOptions();
        options.Languages["de"] = german;

        var score = new LexiconSentimentAnalyzer(options).Analyze("Die neue Version ist knorke", "de");

        Assert.Equal(SentimentLabel.Positive, score.Label);
        Assert.Equal(SentimentLabel.Negative, new LexiconSentimentAnalyzer(options).Analyze("Das ist schlecht", "de").Label);
    }

    [Fact]
    public void Analyze_AnyLanguageAddedThroughOptions_GetsItsLexiconAndNegations()
    {
        var dutch = new SentimentLanguage();
        dutch.Lexicon["goed"] = 1.9;
        dutch.Lexicon["slecht"] = -2.2;
        dutch.Negations.Add("niet");
        dutch.Boosters.Add("heel");
        var options = new SentimentOptions();
        options.Languages["nl"] = dutch;
        var sut = new LexiconSentimentAnalyzer(options);

        Assert.Equal(SentimentLabel.Positive, sut.Analyze("De app is goed", "nl").Label);
        Assert.Equal(SentimentLabel.Positive, sut.Analyze("Niet slecht", "nl-BE").Label);
        Assert.True(sut.Analyze("heel goed", "nl").Compound > sut.Analyze("goed", "nl").Compound);
        Assert.Equal(LexiconSentimentAnalyzer.UncoveredLanguageConfidence, Sut.Analyze("De app is goed", "nl").Confidence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("und")]
    [InlineData("en")]
    public void Constructor_LanguageThatIsNotAnotherLanguage_IsRefused(string language)
    {
        var options = new SentimentOptions();
        options.Languages[language] = new SentimentLanguage();

        var error = Assert.Throws<ArgumentException>(() => new LexiconSentimentAnalyzer(options));

        Assert.Contains("SentimentOptions.Languages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LanguageLexiconWithARatingOutOfRange_IsRefused()
    {
        var german = new SentimentLanguage();
        german.Lexicon["knorke"] = 7;
        var options = new SentimentOptions();
        options.Languages["de"] = german;

        var error = Assert.Throws<ArgumentException>(() => new LexiconSentimentAnalyzer(options));

        Assert.Contains("knorke", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Der Kundenservice ist eine Katastrophe, seit drei Tagen kein Internet", SentimentLabel.Negative)]
    [InlineData("El soporte me ayudó al instante, excelente servicio", SentimentLabel.Positive)]
    [InlineData("Le pire service client que j'ai connu, vraiment nul", SentimentLabel.Negative)]
    [InlineData("O suporte resolveu tudo muito rápido, excelente atendimento", SentimentLabel.Positive)]
    [InlineData("The support team fixed my issue in minutes, amazing service", SentimentLabel.Positive)]
    public void Analyze_UntaggedText_IsReadInTheDetectedLanguage(string text, SentimentLabel expected)
    {
        var score = Sut.Analyze(text);

        Assert.Equal(expected, score.Label);
        Assert.True(score.Confidence >= 0.5, $"confidence {score.Confidence}");
    }

    [Fact]
    public void Analyze_UntaggedTextInAnotherLanguage_IsNeverAConfidentEnglishVerdict()
    {
        var score = Sut.Analyze("Il servizio clienti è stato davvero pessimo, non lo consiglio a nessuno");

        Assert.True(score.Confidence <= LexiconSentimentAnalyzer.UncertainLanguageConfidence, $"confidence {score.Confidence}");
    }

    [Fact]
    public void Analyze_UntaggedTextWithDetectionOff_IsReadAsEnglish()
    {
        var sut = new LexiconSentimentAnalyzer(new SentimentOptions { DetectLanguage = false });

        Assert.Equal(SentimentLabel.Neutral, sut.Analyze("Der Kundenservice ist eine Katastrophe").Label);
        Assert.Equal(SentimentLabel.Positive, sut.Analyze("I love it").Label);
    }

    [Fact]
    public void Analyze_DetectedLanguage_IsReadAsThatLanguage()
    {
        const string Text = "Der Kundenservice ist eine Katastrophe";

        Assert.Equal(Sut.Analyze(Text, "de"), Sut.Analyze(Text, TextLanguage.Detected("de", 0.9)));
    }

    [Fact]
    public void Analyze_DetectedAsUnknown_IsReadWithTheEnglishRulesWithoutConfidence()
    {
        // Detected as unknown by the caller: not detected again (which would find German), read as uncertain English.
        var score = Sut.Analyze("Der Kundenservice ist eine Katastrophe, seit drei Tagen kein Internet", TextLanguage.Detected(null, 0));

        Assert.Equal(SentimentLabel.Neutral, score.Label);
        Assert.Equal(LexiconSentimentAnalyzer.UncertainLanguageConfidence, score.Confidence);
    }

    [Fact]
    public void Analyze_DetectedLanguageWithDetectionOff_IsReadAsEnglish()
    {
        var sut = new LexiconSentimentAnalyzer(new SentimentOptions { DetectLanguage = false });

        Assert.Equal(SentimentLabel.Neutral, sut.Analyze("Der Kundenservice ist eine Katastrophe", TextLanguage.Detected("de", 0.9)).Label);
    }
}
