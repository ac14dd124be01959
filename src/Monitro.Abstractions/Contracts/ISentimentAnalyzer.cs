namespace Monitro;

/// <summary>Reads the sentiment of a text.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface ISentimentAnalyzer
{
    /// <summary>Scores a text.</summary>
    /// <param name="text">The plain text.</param>
    /// <param name="language">The BCP 47 language of the text, or <see langword="null"/> when unknown.</param>
    /// <returns>The score; text in a language the analyzer does not cover gets a neutral score with low confidence.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The overloads take the same number of parameters; the language is optional only in this one.")]
    SentimentScore Analyze(string text, string? language = null);

    /// <summary>Scores a text whose language the caller has already read, for example detected once for all analyzers of a post.</summary>
    /// <param name="text">The plain text.</param>
    /// <param name="language">The language of the text; a detected language is used as it is, without detecting it again.</param>
    /// <returns>The score; text in a language the analyzer does not cover gets a neutral score with low confidence.</returns>
    /// <remarks>The default implementation passes <see cref="TextLanguage.Code"/> to <see cref="Analyze(string, string?)"/>.</remarks>
    SentimentScore Analyze(string text, TextLanguage language) => Analyze(text, language.Code);
}
