using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// Complaint, churn and question detection in German, Spanish, French and Portuguese on the project's own posts
/// (intent-languages.tsv). The baseline, in the same run, is the reading before the language phrases were used: the
/// same posts tagged with a language that has no phrases, so that only the language-independent signals count.
/// Floors apply to the frozen test split (see docs/analysis.md).
/// </summary>
public sealed class LanguageIntentEvaluationTests(ITestOutputHelper output)
{
    private const string FileName = "intent-languages.tsv";

    // A language with no built-in resources: the detector reads only a question mark and the hashtags every language shares.
    private const string NoPhrasesTag = "it";

    private static readonly (string Name, IntentLabel Label)[] Labels =
    [
        ("complaint", IntentLabel.Complaint),
        ("churn", IntentLabel.ChurnRisk),
        ("question", IntentLabel.Question),
    ];

    [Theory]
    [InlineData("de", LanguageFloors.German)]
    [InlineData("es", LanguageFloors.Spanish)]
    [InlineData("fr", LanguageFloors.French)]
    [InlineData("pt", LanguageFloors.Portuguese)]
    public void Detect_PostsInTheirLanguage_BeatTheBaselineAndMeetTheFloorOnTheFrozenTestSplit(string language, double minimumMacroF1)
    {
        var detector = new RuleIntentDetector();
        var posts = Load(language);
        foreach (var split in new[] { "dev", "test" })
        {
            var selected = posts.Where(post => post.Split == split).ToList();
            var before = MacroF1(detector, selected, NoPhrasesTag, report: false);
            var after = MacroF1(detector, selected, language, report: split == "dev");
            output.WriteLine($"{language} {split}: {selected.Count} posts, macro F1 (complaint, churn, question) before {before:F3}, after {after:F3}");
            if (split == "test")
            {
                Assert.True(after > before, $"The {language} phrases do not beat the baseline ({after:F3} vs {before:F3}).");
                Assert.True(after >= minimumMacroF1, $"Macro F1 {after:F3} ({language}) is below {minimumMacroF1}.");
            }
        }
    }

    private double MacroF1(RuleIntentDetector detector, List<LanguagePost> posts, string tag, bool report)
    {
        var total = 0.0;
        foreach (var (name, label) in Labels)
        {
            var figures = new LabelFigures();
            foreach (var post in posts)
            {
                var expected = post.Labels.Contains(name);
                var found = detector.Detect(post.Text, tag).Any(hit => hit.Label == label);
                figures.Add(expected, found);
                if (report && expected != found)
                {
                    output.WriteLine($"  {(expected ? "missed" : "extra")} {name}: {post.Text}");
                }
            }

            total += figures.F1;
        }

        return total / Labels.Length;
    }

    private static List<LanguagePost> Load(string language)
    {
        var posts = new List<LanguagePost>();
        foreach (var line in File.ReadLines(SentimentEvaluationSet.Locate(FileName)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            Assert.True(fields.Length == 4, $"Malformed evaluation line: {line}");
            Assert.True(fields[1] is "dev" or "test", $"Unknown split: {line}");
            if (fields[0] == language)
            {
                posts.Add(new LanguagePost(fields[1], fields[2] == "none" ? [] : fields[2].Split(','), fields[3]));
            }
        }

        Assert.True(posts.Count >= 40, $"The {language} set has only {posts.Count} posts.");
        return posts;
    }

    private sealed record LanguagePost(string Split, string[] Labels, string Text);

    // Floors on the frozen test split, under the figures measured there (1.000, 1.000, 0.970, 1.000; 0.333 for each
    // before). The split has 14 posts per language, so one post moves the figure by several points, and the phrases
    // were written by the same hand as the posts: the floors leave room for one or two misses.
    private static class LanguageFloors
    {
        public const double German = 0.85;
        public const double Spanish = 0.85;
        public const double French = 0.85;
        public const double Portuguese = 0.85;
    }
}
