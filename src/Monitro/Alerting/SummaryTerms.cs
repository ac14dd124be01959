namespace Monitro.Alerting;

/// <summary>The words of a post worth counting in a summary: lower-case, four letters or more, common words left out.</summary>
internal static class SummaryTerms
{
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "about", "after", "again", "also", "been", "being", "but", "cannot", "could", "does", "doing", "dont", "each", "even",
        "from", "have", "having", "here", "into", "just", "like", "more", "most", "much", "only", "other", "over", "really",
        "same", "should", "some", "still", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this",
        "those", "through", "very", "want", "were", "what", "when", "where", "which", "while", "will", "with", "would", "your",
        "youre", "http", "https",
    };

    public static IEnumerable<string> Of(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'');
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var word = text[start..i].Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
                start = -1;
                if (word.Length >= 4 && !Common.Contains(word) && !word.All(char.IsDigit) && seen.Add(word))
                {
                    yield return word;
                }
            }
        }
    }
}
