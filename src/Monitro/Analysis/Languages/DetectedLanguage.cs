namespace Monitro;

/// <summary>The language a <see cref="LanguageDetector"/> found for a text.</summary>
/// <param name="Language">The two-letter language code (<c>en</c>, <c>de</c>, <c>es</c>, <c>fr</c>, <c>pt</c>), or <see langword="null"/> when the language is not known well enough.</param>
/// <param name="Confidence">How sure the detector is, from 0 to 1; low when <paramref name="Language"/> is <see langword="null"/>.</param>
public readonly record struct DetectedLanguage(string? Language, double Confidence)
{
    /// <summary>Gets the result for a text whose language could not be told.</summary>
    public static DetectedLanguage Unknown { get; } = new(null, 0);
}
