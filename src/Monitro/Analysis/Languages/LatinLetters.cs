namespace Monitro.Analysis.Languages;

/// <summary>Whether a text has a letter of the Latin script, the script of every language the detector knows.</summary>
internal static class LatinLetters
{
    /// <summary>Returns whether the text has at least one Latin letter (basic Latin, Latin-1, Latin Extended-A and -B, IPA
    /// and Latin Extended Additional).</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="false"/> for a text written only in other scripts (Cyrillic, Greek, Arabic, Hebrew, Han, Kana,
    /// Hangul, Devanagari…), which no language the detector knows uses.</returns>
    public static bool Any(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAnyInRange('A', 'Z') >= 0 || text.IndexOfAnyInRange('a', 'z') >= 0)
        {
            return true;
        }

        foreach (var c in text)
        {
            if (c is (>= '\u00C0' and <= '\u02AF') or (>= '\u1E00' and <= '\u1EFF') && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
