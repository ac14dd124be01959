using System.Globalization;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The vocabulary sweep of the English lexicon (tools/sentiment-sweep/review.tsv): every common word and social-text token
/// the analyzer did not rate was rated by hand; the polar ones were added to the lexicon by class. These tests keep the
/// lexicon and the record of the sweep in step: a polar word of the sweep that the analyzer stops reading in its direction,
/// or a word of the vocabulary that is neither rated nor in the record, fails.
/// </summary>
public sealed class SentimentVocabularySweepTests
{
    private static readonly LexiconSentimentAnalyzer Sut = new(new SentimentOptions { DetectLanguage = false });

    [Fact]
    public void Analyze_EveryWordRatedPolarInTheSweep_ReadsInItsDirection()
    {
        var polar = Review().Where(entry => entry.Rating != 0).ToList();
        Assert.True(polar.Count >= 150, $"The sweep has only {polar.Count} polar words.");
        Assert.All(polar, entry =>
        {
            var compound = Sut.Analyze(entry.Word, "en").Compound;
            Assert.True(Math.Sign(compound) == Math.Sign(entry.Rating), $"'{entry.Word}' was rated {entry.Rating} in the sweep but reads {compound:F3}.");
        });
    }

    [Fact]
    public void Review_CoversEveryWordOfTheVocabularyTheLexiconDoesNotRate()
    {
        var reviewed = Review().Select(entry => entry.Word).ToHashSet(StringComparer.Ordinal);
        var words = File.ReadLines(Locate(Path.Combine("src", "Monitro", "Text", "words.tsv")))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t')[0])
            .ToList();
        Assert.True(words.Count > 13_000, $"words.tsv has only {words.Count} words.");
        var good = Sut.Analyze("good", "en").Compound;
        var missing = words
            .Where(word => !reviewed.Contains(word) && !LexiconSentimentAnalyzer.BuiltInLexicon.ContainsKey(word) && Sut.Analyze(word, "en").Compound == 0)
            .Where(word => Sut.Analyze($"{word} good", "en").Compound == good) // boosters, negations and "but" are rule words, not unrated ones
            .Take(20)
            .ToList();
        Assert.True(missing.Count == 0, $"Words neither rated nor in the sweep's record (run tools/sentiment-sweep): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Review_SenseDependentWordsSayWhy()
    {
        var sense = Review().Where(entry => entry.Class == "sense").ToList();
        Assert.NotEmpty(sense);
        Assert.All(sense, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Note), $"'{entry.Word}' depends on its sense but the sweep does not say how it is read."));
    }

    private static List<(string Word, double Rating, string Class, string Note)> Review() =>
        File.ReadLines(Locate(Path.Combine("tools", "sentiment-sweep", "review.tsv")))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .Select(fields => (fields[0], double.Parse(fields[3], CultureInfo.InvariantCulture), fields[4], fields[5]))
            .ToList();

    private static string Locate(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relativePath} was not found above the test output.");
    }
}
