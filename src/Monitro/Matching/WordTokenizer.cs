using System.Globalization;
using System.Text;

namespace Monitro.Matching;

/// <summary>A folded word of a post with its place in the original text.</summary>
internal readonly record struct WordToken(string Word, int Position, int Start, int Length);

/// <summary>
/// Splits text into folded words: letters and digits, case-folded, with hashtags and handles also split
/// into their camel-case and underscore parts, and possessive 's dropped.
/// </summary>
internal static class WordTokenizer
{
    public static List<WordToken> Tokenize(string text)
    {
        var tokens = new List<WordToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text, i) || IsJoiner(text, i)))
            {
                i++;
            }

            var end = i;
            while (end > start && IsJoiner(text, end - 1))
            {
                end--;
            }

            AddWord(text, start, end, tokens);
        }

        return tokens;
    }

    public static string Fold(string word)
    {
        var folded = word.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        return folded.Replace("ß", "ss", StringComparison.Ordinal).Replace('ı', 'i').Replace('ſ', 's').Replace('ς', 'σ');
    }

    private static void AddWord(string text, int start, int end, List<WordToken> tokens)
    {
        var word = text[start..end];
        if (word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’s", StringComparison.OrdinalIgnoreCase))
        {
            end -= 2;
            word = word[..^2];
        }

        var parts = SplitParts(text, start, end);
        var isTag = start > 0 && (text[start - 1] == '#' || text[start - 1] == '@');
        if (isTag && parts.Count > 1)
        {
            foreach (var (partStart, partEnd) in parts)
            {
                tokens.Add(new WordToken(Fold(text[partStart..partEnd]), tokens.Count, partStart, partEnd - partStart));
            }

            return;
        }

        tokens.Add(new WordToken(Fold(word.Replace('’', '\'')), tokens.Count, start, end - start));
    }

    // #AcmeCorp → Acme, Corp; @acme_support → acme, support.
    private static List<(int Start, int End)> SplitParts(string text, int start, int end)
    {
        var parts = new List<(int, int)>();
        var partStart = start;
        for (var i = start + 1; i <= end; i++)
        {
            var boundary = i == end
                || text[i] == '_'
                || (char.IsUpper(text[i]) && char.IsLower(text[i - 1]))
                || (char.IsDigit(text[i]) != char.IsDigit(text[i - 1]) && text[i - 1] != '_');
            if (!boundary)
            {
                continue;
            }

            if (i > partStart && text[partStart] != '_')
            {
                parts.Add((partStart, i));
            }

            partStart = text.Length > i && text[i] == '_' ? i + 1 : i;
        }

        return parts;
    }

    private static bool IsWordChar(string text, int i)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text[i]);
        return char.IsLetterOrDigit(text[i]) || text[i] == '_' || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    // Apostrophes inside a word (don't, Acme's) keep the word together.
    private static bool IsJoiner(string text, int i) =>
        (text[i] == '\'' || text[i] == '’') && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > 0 && char.IsLetter(text[i - 1]);
}
