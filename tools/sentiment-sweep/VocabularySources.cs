namespace Monitro.SentimentSweep;

/// <summary>Reads the words the sweep asks the analyzer about, each once, in the order of their sources.</summary>
internal static class VocabularySources
{
    /// <summary>Reads the vocabulary of the hashtag segmenter and the team's list of social-text tokens.</summary>
    /// <param name="wordsPath">The word-frequency list (word, tab, frequency; # comments).</param>
    /// <param name="socialTokensPath">The social-text tokens (several a line, separated by spaces; # comments).</param>
    /// <returns>Each token (lower case) with its source: <c>words</c>, <c>social</c> or <c>both</c>.</returns>
    public static IReadOnlyList<(string Word, string Source)> Read(string wordsPath, string socialTokensPath)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in File.ReadLines(wordsPath))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                Add(line.Split('\t')[0], "words");
            }
        }

        foreach (var line in File.ReadLines(socialTokensPath))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Add(token, "social");
                }
            }
        }

        return [.. order.Select(word => (word, sources[word]))];

        void Add(string token, string source)
        {
            var word = token.ToLowerInvariant();
            if (!sources.TryGetValue(word, out var known))
            {
                sources[word] = source;
                order.Add(word);
            }
            else if (known != source)
            {
                sources[word] = "both";
            }
        }
    }
}
