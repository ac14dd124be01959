using Monitro.Analysis;

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
}
