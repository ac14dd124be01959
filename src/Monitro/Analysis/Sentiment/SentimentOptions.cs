namespace Monitro;

/// <summary>Options of the <see cref="LexiconSentimentAnalyzer"/>.</summary>
/// <remarks>The analyzer copies the options when it is created; later changes have no effect on it.</remarks>
public sealed class SentimentOptions
{
    /// <summary>The default half-width of the neutral band.</summary>
    public const double DefaultNeutralThreshold = 0.05;

    /// <summary>Gets extra or replacement terms with their ratings from -4 to +4, for the vocabulary of a domain (for example <c>outage</c> -2.5, <c>refund</c> -1).</summary>
    /// <value>The default is empty. Terms are compared case-insensitively; a term may be a phrase of several words. These entries win over the lexicon.</value>
    public IDictionary<string, double> DomainWords { get; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the half-width of the neutral band: a compound score strictly between -threshold and +threshold is neutral.</summary>
    /// <value>The default is 0.05. It must be at least 0 and less than 1.</value>
    public double NeutralThreshold { get; set; } = DefaultNeutralThreshold;

    /// <summary>Gets or sets the path of a lexicon file in the <c>term&lt;TAB&gt;mean[&lt;TAB&gt;...]</c> format to use instead of the built-in lexicon.</summary>
    /// <value>The default is <see langword="null"/> (the built-in lexicon). It cannot be combined with <see cref="Lexicon"/>.</value>
    public string? LexiconPath { get; set; }

    /// <summary>Gets lexicons and rule words for languages other than English, by language code (<c>de</c>, <c>nl</c>); they extend the built-in German, Spanish, French and Portuguese resources and add any other language.</summary>
    /// <value>The default is empty. Keys are two-letter (or other primary) language subtags, compared case-insensitively.</value>
    public IDictionary<string, SentimentLanguage> Languages { get; } = new Dictionary<string, SentimentLanguage>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets a value indicating whether the language of text without a language tag is detected (see <see cref="LanguageDetector"/>).</summary>
    /// <value>The default is <see langword="true"/>. When <see langword="false"/>, untagged text is read as English, as tagged English text is.</value>
    public bool DetectLanguage { get; set; } = true;

    /// <summary>Gets or sets a lexicon to use instead of the built-in lexicon (see <see cref="LexiconSentimentAnalyzer.LoadLexicon(TextReader)"/>).</summary>
    /// <value>The default is <see langword="null"/> (the built-in lexicon). It cannot be combined with <see cref="LexiconPath"/>. It is the English lexicon; lexicons of other languages go into <see cref="Languages"/>.</value>
    public IReadOnlyDictionary<string, double>? Lexicon { get; set; }
}
