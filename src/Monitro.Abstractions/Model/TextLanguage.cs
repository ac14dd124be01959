namespace Monitro;

/// <summary>
/// The language of a text as the analyzers should read it: the tag the text came with, or the language detected once
/// for all analyzers of a post, so that each analyzer need not detect it again.
/// </summary>
/// <remarks>
/// <para>Create one with <see cref="FromTag(string?)"/> for a tag (or no tag: the analyzer then detects the language
/// itself, as it does for <c>Analyze(text, null)</c>), or with <see cref="Detected(string?, double)"/> for the result
/// of a detection, which the analyzers trust as it is, even when the language could not be told.</para>
/// </remarks>
public readonly record struct TextLanguage
{
    private TextLanguage(string? code, double confidence, bool isDetected)
    {
        Code = code;
        Confidence = confidence;
        IsDetected = isDetected;
    }

    /// <summary>Gets the BCP 47 language tag (from the text's tag, or the two-letter code of the detected language); <see langword="null"/> when unknown.</summary>
    public string? Code { get; }

    /// <summary>Gets how sure the detection is, from 0 to 1; 1 for a tag, 0 when there is neither a tag nor a detection.</summary>
    public double Confidence { get; }

    /// <summary>Gets a value indicating whether the language was detected; when it was, a <see langword="null"/> <see cref="Code"/> means the language could not be told and must not be detected again.</summary>
    public bool IsDetected { get; }

    /// <summary>Gets the language of a text that came with a tag.</summary>
    /// <param name="tag">The BCP 47 language tag, or <see langword="null"/> when the text has none.</param>
    /// <returns>The language; with confidence 1 when there is a tag.</returns>
    public static TextLanguage FromTag(string? tag) => new(tag, string.IsNullOrWhiteSpace(tag) ? 0 : 1, isDetected: false);

    /// <summary>Gets the result of detecting the language of a text.</summary>
    /// <param name="code">The code of the detected language, or <see langword="null"/> when it could not be told.</param>
    /// <param name="confidence">How sure the detection is, from 0 to 1.</param>
    /// <returns>The language.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not between 0 and 1.</exception>
    public static TextLanguage Detected(string? code, double confidence)
    {
        if (!(confidence is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be between 0 and 1.");
        }

        return new(code, confidence, isDetected: true);
    }
}
