namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// A feed of posts for measuring the analyzers on more than a handful of texts, read from the project's evaluation sets
/// in <c>tests/Monitro.Tests/Analysis</c> of the repository: English tweets and customer-care posts (sentiment,
/// complaints, churn, intents) and German, Spanish, French and Portuguese tweets, each tagged with its language except
/// every fourth post, which comes untagged (RSS, Hacker News, Reddit). Long texts (reviews, editorials) are left out: the
/// analyzers' budget is per social post.
/// </summary>
internal static class AnalysisSample
{
    /// <summary>The English sets read.</summary>
    public static IReadOnlyList<string> EnglishSets { get; } =
    [
        "sentiment-general-dev.tsv", "sentiment-general.tsv", "sentiment-casual-dev.tsv", "sentiment-casual.tsv",
        "sentiment-fresh-tweets.tsv", "sentiment-fresh-short.tsv", "sentiment-forms-dev.tsv", "sentiment-forms.tsv",
        "sentiment-social.tsv", "sentiment-tweets.tsv", "intent-posts.tsv", "intent-addressed-complaints.tsv",
        "complaints-fresh-tweets.tsv", "complaints-varied-tweets.tsv", "complaints-tweets-dev.tsv", "churn-voices.tsv",
    ];

    /// <summary>The set of German, Spanish, French and Portuguese tweets (its first column is the language).</summary>
    public const string LanguageSet = "sentiment-languages-tweets.tsv";

    private const string FolderVariable = "MONITRO_ANALYSIS_SETS";

    /// <summary>Gets why the sample cannot be read, when the sets are not found.</summary>
    public static string MissingReason =>
        $"The evaluation sets (tests/Monitro.Tests/Analysis) were found neither above the working folder nor above the program; set ${FolderVariable} to that folder.";

    /// <summary>
    /// Reads <paramref name="englishCount"/> posts spread evenly over the English sets (in the order of
    /// <see cref="EnglishSets"/>), then <paramref name="languageCount"/> spread evenly over <see cref="LanguageSet"/>;
    /// every fourth post of the feed has no tag.
    /// </summary>
    /// <param name="englishCount">How many English posts.</param>
    /// <param name="languageCount">How many posts in other languages.</param>
    /// <returns>The posts with their language tags, or <see langword="null"/> when the sets are not found or hold fewer posts.</returns>
    public static (string Text, string? Tag)[]? TryLoad(int englishCount, int languageCount)
    {
        if (FindFolder() is not { } folder)
        {
            return null;
        }

        var english = EnglishSets.SelectMany(name => Posts(Path.Combine(folder, name))).Select(text => (Text: text, Tag: (string?)"en")).ToList();
        var languages = File.ReadLines(Path.Combine(folder, LanguageSet))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => (Text: line[(line.LastIndexOf('\t') + 1)..], Tag: (string?)line[..line.IndexOf('\t')]))
            .ToList();
        if (english.Count < englishCount || languages.Count < languageCount)
        {
            return null;
        }

        var feed = Spread(english, englishCount).Concat(Spread(languages, languageCount));
        return [.. feed.Select((post, i) => i % 4 == 3 ? post with { Tag = null } : post)];
    }

    // The text is the last column in every set.
    private static IEnumerable<string> Posts(string path) =>
        File.ReadLines(path).Where(line => line.Length > 0 && line[0] != '#').Select(line => line[(line.LastIndexOf('\t') + 1)..]);

    private static IEnumerable<T> Spread<T>(List<T> items, int count) =>
        Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Count / count)]);

    private static string? FindFolder()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? configured : null;
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "Monitro.Tests", "Analysis");
                if (File.Exists(Path.Combine(candidate, EnglishSets[0])))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
