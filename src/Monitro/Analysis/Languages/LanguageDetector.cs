using Lingua;
using Monitro.Analysis.Languages;
using Monitro.Analysis;

namespace Monitro;

/// <summary>
/// Tells the language of a text that carries no language tag, among the languages Monitro analyzes (English, German,
/// Spanish, French, Portuguese), with SearchPioneer.Lingua.
/// </summary>
/// <remarks>
/// <para>The detector knows a few more languages that are easily mistaken for those (Italian, Dutch, Catalan, Turkish), so
/// that a post in one of them comes out as unknown rather than as a confident wrong guess. Its models are loaded on
/// the first detection, not before, and only for these languages, to keep start-up and memory small.</para>
/// <para>A post whose function words clearly belong to one of the five languages ("the", "und", "pero", "est",
/// "não") is answered from them, without the statistical models, which cost hundreds of times as much. A post of
/// fewer than <see cref="MinimumWordsForModels"/> words that does not is reported as unknown: on so few words the
/// models guess more than they know. So is a post without a Latin letter, which is in none of the languages the models
/// know.</para>
/// <para>The detector is thread-safe; use <see cref="Shared"/>.</para>
/// </remarks>
public sealed class LanguageDetector
{
    /// <summary>The confidence below which a detection is reported as unknown.</summary>
    public const double MinimumConfidence = 0.5;

    /// <summary>The fewest words a text needs to be read by the statistical models when its function words do not name its language.</summary>
    public const int MinimumWordsForModels = 10;

    private static readonly Lazy<LanguageDetector> SharedHolder = new(() => new LanguageDetector(), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Dictionary<Language, string> Reported = new()
    {
        [Language.English] = "en",
        [Language.German] = "de",
        [Language.Spanish] = "es",
        [Language.French] = "fr",
        [Language.Portuguese] = "pt",
    };

    private readonly Lazy<Lingua.LanguageDetector> _detector = new(
        () => LanguageDetectorBuilder
            .FromLanguages([.. Reported.Keys, Language.Italian, Language.Dutch, Language.Catalan, Language.Turkish])
            .Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private LanguageDetector()
    {
    }

    /// <summary>Gets the shared detector.</summary>
    public static LanguageDetector Shared => SharedHolder.Value;

    /// <summary>Detects the language of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The language and a confidence; <see cref="DetectedLanguage.Unknown"/> when it is another language, the text is too short to tell, or the best guess is below <see cref="MinimumConfidence"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public DetectedLanguage Detect(string text) => Detect(text, out _);

    /// <summary>Reads the language of a text for the analyzers: its tag when it has one, otherwise the detected language.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tag">The BCP 47 language tag of the text, or <see langword="null"/> (or <c>und</c>) when it has none.</param>
    /// <returns>The tag as it is (nothing is detected), or the result of <see cref="Detect(string)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public TextLanguage Read(string text, string? tag)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (LanguageTags.Primary(tag) is not null)
        {
            return TextLanguage.FromTag(tag);
        }

        var detected = Detect(text);
        return TextLanguage.Detected(detected.Language, detected.Confidence);
    }

    /// <summary>Detects the language of a text and tells which step decided it.</summary>
    internal DetectedLanguage Detect(string text, out DetectionStep step)
    {
        ArgumentNullException.ThrowIfNull(text);
        step = DetectionStep.NoWords;
        if (string.IsNullOrWhiteSpace(text))
        {
            return DetectedLanguage.Unknown;
        }

        // Most posts give their language away by a few function words; only the rest pay for the statistical models.
        if (FunctionWords.TryGuess(text, out var guessed, out var guessConfidence, out var words))
        {
            step = DetectionStep.FunctionWords;
            return new DetectedLanguage(guessed, guessConfidence);
        }

        if (words < MinimumWordsForModels)
        {
            step = words == 0 ? DetectionStep.NoWords : DetectionStep.TooShort;
            return DetectedLanguage.Unknown;
        }

        if (!LatinLetters.Any(text))
        {
            // Cyrillic, Greek, Arabic, Han, Kana…: none of the languages the models know, so they would only say so, at their cost.
            step = DetectionStep.OtherScript;
            return DetectedLanguage.Unknown;
        }

        step = DetectionStep.Models;
        foreach (var (language, confidence) in _detector.Value.ComputeLanguageConfidenceValues(text))
        {
            // The values are sorted by confidence, so the first one is the best guess.
            return Reported.TryGetValue(language, out var code) && confidence >= MinimumConfidence
                ? new DetectedLanguage(code, confidence)
                : DetectedLanguage.Unknown;
        }

        return DetectedLanguage.Unknown;
    }
}
