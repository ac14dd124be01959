namespace Monitro.Analysis.Intent;

/// <summary>Words and boundaries in a normalized text (lower case, ASCII apostrophes), shared by the intent rules and patterns.</summary>
internal static class IntentText
{
    /// <summary>Returns whether a character belongs to a word.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for letters, digits and underscores.</returns>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Returns whether a span of the text starts and ends on word boundaries (or on a symbol).</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">The start of the span.</param>
    /// <param name="end">The end of the span.</param>
    /// <returns><see langword="true"/> when the span is not part of a longer word.</returns>
    public static bool IsBoundary(ReadOnlySpan<char> text, int start, int end) =>
        (start == 0 || !IsWordChar(text[start - 1]) || !IsWordChar(text[start]))
        && (end >= text.Length || !IsWordChar(text[end]) || !IsWordChar(text[end - 1]));

    /// <summary>
    /// Returns the word that ends before a position, in the same sentence, skipping spaces and punctuation other than
    /// apostrophes; moves the position to its start. Empty at the start of the text or of the sentence, so a "no"
    /// that ends one sentence does not negate the next ("No. WTF").
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="position">The position; moved to the start of the word.</param>
    /// <returns>The word, or empty.</returns>
    public static ReadOnlySpan<char> PreviousWord(ReadOnlySpan<char> text, ref int position)
    {
        var end = position;
        while (end > 0 && !IsWordChar(text[end - 1]) && text[end - 1] != '\'')
        {
            if (text[end - 1] is '.' or '!' or '?' or '\n')
            {
                position = end;
                return [];
            }

            end--;
        }

        var start = end;
        while (start > 0 && (IsWordChar(text[start - 1]) || text[start - 1] == '\''))
        {
            start--;
        }

        position = start;
        return text[start..end];
    }
}
