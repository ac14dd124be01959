namespace Monitro.Analysis;

/// <summary>Reads BCP 47 language tags for the analyzers.</summary>
internal static class LanguageTags
{
    /// <summary>Returns whether a text with this language tag may be English: no tag, <c>und</c>, or a primary subtag <c>en</c> / <c>eng</c>.</summary>
    /// <param name="language">The language tag, or <see langword="null"/> when unknown.</param>
    /// <returns><see langword="true"/> when the English rules apply.</returns>
    public static bool MayBeEnglish(string? language)
    {
        var primary = Primary(language);
        return primary is null or "en";
    }

    /// <summary>
    /// Gets the two-letter primary subtag of a language tag in lower case (<c>fr-CA</c> → <c>fr</c>); the three-letter
    /// codes of the languages with built-in resources are read as their two-letter ones (<c>deu</c> → <c>de</c>).
    /// </summary>
    /// <param name="language">The language tag, or <see langword="null"/>.</param>
    /// <returns>The primary subtag, or <see langword="null"/> when there is no tag or it is <c>und</c> (undetermined).</returns>
    public static string? Primary(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var tag = language.AsSpan().Trim();
        var separator = tag.IndexOfAny('-', '_');
        var primary = separator < 0 ? tag : tag[..separator];

        // The common tags are answered with literals, so reading a tag allocates nothing on the hot path.
        foreach (var (code, known) in KnownCodes)
        {
            if (primary.Equals(code, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return primary.IsEmpty ? null : primary.ToString().ToLowerInvariant();
    }

    private static readonly (string Code, string? Primary)[] KnownCodes =
    [
        ("en", "en"), ("de", "de"), ("es", "es"), ("fr", "fr"), ("pt", "pt"), ("und", null), ("eng", "en"),
        ("deu", "de"), ("ger", "de"), ("spa", "es"), ("fra", "fr"), ("fre", "fr"), ("por", "pt"),
    ];
}
