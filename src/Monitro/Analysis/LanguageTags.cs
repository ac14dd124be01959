namespace Monitro.Analysis;

/// <summary>Reads BCP 47 language tags for the English-only analyzers.</summary>
internal static class LanguageTags
{
    /// <summary>Returns whether a text with this language tag may be English: no tag, <c>und</c>, or a primary subtag <c>en</c> / <c>eng</c>.</summary>
    /// <param name="language">The language tag, or <see langword="null"/> when unknown.</param>
    /// <returns><see langword="true"/> when the English rules apply.</returns>
    public static bool MayBeEnglish(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return true;
        }

        var tag = language.AsSpan().Trim();
        var separator = tag.IndexOfAny('-', '_');
        var primary = separator < 0 ? tag : tag[..separator];
        return primary.Equals("en", StringComparison.OrdinalIgnoreCase)
            || primary.Equals("eng", StringComparison.OrdinalIgnoreCase)
            || primary.Equals("und", StringComparison.OrdinalIgnoreCase);
    }
}
