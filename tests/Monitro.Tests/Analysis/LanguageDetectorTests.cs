using Monitro.Analysis;
using Monitro.Analysis.Languages;

namespace Monitro.Tests.Analysis;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("The support team fixed my issue in minutes, thank you so much", "en")]
    [InlineData("Die neue Version ist viel langsamer, das ist wirklich enttäuschend", "de")]
    [InlineData("La nueva versión es mucho más lenta, qué decepción", "es")]
    [InlineData("La nouvelle version est beaucoup plus lente, quelle déception", "fr")]
    [InlineData("A nova versão está muito mais lenta, que decepção", "pt")]
    public void Detect_PostInACoveredLanguage_NamesItWithConfidence(string text, string expected)
    {
        var detected = LanguageDetector.Shared.Detect(text);

        Assert.Equal(expected, detected.Language);
        Assert.InRange(detected.Confidence, LanguageDetector.MinimumConfidence, 1);
    }

    [Theory]
    [InlineData("La nuova versione è molto più lenta, che delusione")]
    [InlineData("De nieuwe versie is veel trager, wat een teleurstelling")]
    [InlineData("新しいバージョンはとても遅いです")]
    [InlineData("   ")]
    [InlineData("👍")]
    public void Detect_OtherLanguageOrNoWords_IsUnknown(string text)
    {
        var detected = LanguageDetector.Shared.Detect(text);

        Assert.Null(detected.Language);
        Assert.True(detected.Confidence < LanguageDetector.MinimumConfidence);
    }

    [Theory]
    [InlineData("SKYPE NEEDS TO DIE IN A FIRE.")]
    [InlineData("Amazing service, 10/10")]
    [InlineData("Grazie mille ragazzi")]
    public void Detect_ShortPostWithoutClearFunctionWords_IsUnknownWithoutAskingTheModels(string text)
    {
        var detected = LanguageDetector.Shared.Detect(text, out var step);

        Assert.Null(detected.Language);
        Assert.Equal(DetectionStep.TooShort, step);
    }

    [Fact]
    public void Detect_PostWithClearFunctionWords_IsAnsweredWithoutTheModels()
    {
        var detected = LanguageDetector.Shared.Detect("the app is down again and support is not answering", out var step);

        Assert.Equal("en", detected.Language);
        Assert.Equal(DetectionStep.FunctionWords, step);
    }

    [Fact]
    public void Detect_FunctionWordsOfOneLanguageAndALoanwordOfAnother_IsAnsweredWithoutTheModels()
    {
        // "show" is in the Portuguese lexicon (Brazilian slang for "great"); "that" and "into" are English only.
        var detected = LanguageDetector.Shared.Detect("Show HN: a tiny CLI that turns Acme exports into spreadsheets", out var step);

        Assert.Equal("en", detected.Language);
        Assert.Equal(DetectionStep.FunctionWords, step);
    }

    [Theory]
    [InlineData("@RailCo lost luggage claim filed 3 weeks ago, nothing since. tried calling twice")]
    [InlineData("skipping the box delivery next week since we're on holiday")]
    [InlineData("tried calling twice, nothing")]
    public void Detect_EnglishPostWithCommonWordsBesideTheFunctionWords_IsAnsweredWithoutTheModels(string text)
    {
        // "nothing", "since", "tried", "next", "we're": common English words no other language the detector knows
        // writes; before they were listed, these posts had at most one clue.
        var detected = LanguageDetector.Shared.Detect(text, out var step);

        Assert.Equal("en", detected.Language);
        Assert.Equal(DetectionStep.FunctionWords, step);
    }

    [Theory]
    [InlineData("Full transcript of the Mayor's speech: https://example.com/speech", "en")]
    [InlineData("@correos_es parcel stuck in the depot since monday, no update", "en")]
    [InlineData("Hoy no hay metro en toda la ciudad por la huelga https://www.example.com.br/noticias", "es")]
    public void Detect_WordsOfLinksAndHandles_AreNoClue(string text, string expected)
    {
        // "com" of a domain would count for Portuguese, "es" of a handle for Spanish, "br" for nothing.
        var detected = LanguageDetector.Shared.Detect(text, out var step);

        Assert.Equal(expected, detected.Language);
        Assert.Equal(DetectionStep.FunctionWords, step);
    }

    [Theory]
    [InlineData("Новая версия работает намного медленнее, это действительно разочаровывает всех пользователей нашего сервиса")]
    [InlineData("Η νέα έκδοση είναι πολύ πιο αργή και αυτό είναι πραγματικά απογοητευτικό για όλους τους χρήστες")]
    [InlineData("النسخة الجديدة أبطأ بكثير وهذا مخيب للآمال حقا لجميع المستخدمين في كل مكان اليوم")]
    public void Detect_LongPostWithoutLatinLetters_IsUnknownWithoutAskingTheModels(string text)
    {
        var detected = LanguageDetector.Shared.Detect(text, out var step);

        Assert.Null(detected.Language);
        Assert.Equal(DetectionStep.OtherScript, step);
    }

    [Fact]
    public void Read_TaggedText_KeepsTheTagAndDetectsNothing()
    {
        var language = LanguageDetector.Shared.Read("Die App stürzt schon wieder ab", "fr-CA");

        Assert.Equal(TextLanguage.FromTag("fr-CA"), language);
        Assert.False(language.IsDetected);
        Assert.Equal(1, language.Confidence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("und")]
    public void Read_UntaggedText_DetectsItsLanguage(string? tag)
    {
        var language = LanguageDetector.Shared.Read("Die App stürzt schon wieder ab, echt nervig", tag);

        Assert.True(language.IsDetected);
        Assert.Equal("de", language.Code);
        Assert.InRange(language.Confidence, LanguageDetector.MinimumConfidence, 1);
    }

    [Fact]
    public void Read_UntaggedTextOfUnknownLanguage_IsDetectedAsUnknown()
    {
        var language = LanguageDetector.Shared.Read("👍", null);

        Assert.True(language.IsDetected);
        Assert.Null(language.Code);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void TextLanguageDetected_ConfidenceOutOfRange_Throws(double confidence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLanguage.Detected("en", confidence));
}
