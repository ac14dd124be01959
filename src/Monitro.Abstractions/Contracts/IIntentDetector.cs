namespace Monitro;

/// <summary>Finds what the author of a text wants (multi-label).</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IIntentDetector
{
    /// <summary>Finds the intents in a text.</summary>
    /// <param name="text">The plain text.</param>
    /// <param name="language">The BCP 47 language of the text, or <see langword="null"/> when unknown.</param>
    /// <returns>The intents found, each with the phrase that fired it; empty when none.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The overloads take the same number of parameters; the language is optional only in this one.")]
    IReadOnlyList<IntentHit> Detect(string text, string? language = null);

    /// <summary>Finds the intents in a text whose language the caller has already read, for example detected once for all analyzers of a post.</summary>
    /// <param name="text">The plain text.</param>
    /// <param name="language">The language of the text; a detected language is used as it is, without detecting it again.</param>
    /// <returns>The intents found, each with the phrase that fired it; empty when none.</returns>
    /// <remarks>The default implementation passes <see cref="TextLanguage.Code"/> to <see cref="Detect(string, string?)"/>.</remarks>
    IReadOnlyList<IntentHit> Detect(string text, TextLanguage language) => Detect(text, language.Code);

    /// <summary>Finds the intents in a post's text with what is known about the post besides its text: the accounts it mentions and which accounts are companies'.</summary>
    /// <param name="text">The plain text.</param>
    /// <param name="language">The language of the text; a detected language is used as it is, without detecting it again.</param>
    /// <param name="context">The post's mentions and the accounts known to be companies'.</param>
    /// <returns>The intents found, each with the phrase that fired it; empty when none.</returns>
    /// <remarks>The default implementation ignores the context and calls <see cref="Detect(string, TextLanguage)"/>.</remarks>
    IReadOnlyList<IntentHit> Detect(string text, TextLanguage language, IntentContext context) => Detect(text, language);
}
