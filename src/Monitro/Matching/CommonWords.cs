using System.Collections.Frozen;

namespace Monitro.Matching;

/// <summary>Very frequent words of the most common languages of social text; watches are not indexed by them when they have a rarer required term.</summary>
internal static class CommonWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "an", "the", "and", "or", "but", "not", "no", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "been", "am", "it", "its", "this", "that", "these", "those", "i", "you", "he",
        "she", "we", "they", "me", "my", "your", "our", "their", "so", "if", "do", "does", "did", "have", "has", "had",
        "will", "would", "can", "just", "all", "what", "new", "get", "up", "out", "about", "more", "now", "how", "rt",
        "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "le", "la", "les", "et", "est", "un", "une", "de",
        "el", "los", "las", "y", "en", "que", "es", "por", "il", "di", "e", "o", "da", "em", "um", "uma",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Returns whether the folded word is a very common word.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
