using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// 3-class sentiment of general tweets in German, Spanish, French and Portuguese: sentiment-languages-tweets.tsv (the
/// project's own set, written before the language lexicons were grown for it) and sentiment-languages-blind.tsv (written
/// later without looking at the lexicons or rules, each language on its own topics). Floors apply to the frozen test part.
/// </summary>
public sealed class LanguageTweetEvaluationTests(ITestOutputHelper output)
{
    private static readonly SentimentLabel[] Classes = [SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Positive];

    [Theory]
    [InlineData("de", LanguageFloors.German)]
    [InlineData("es", LanguageFloors.Spanish)]
    [InlineData("fr", LanguageFloors.French)]
    [InlineData("pt", LanguageFloors.Portuguese)]
    public void Analyze_GeneralTweets_MeetTheFloorOnTheFrozenTestPart(string language, double minimumMacroF1)
    {
        var posts = SocialSentimentSets.LanguageTweets().Where(post => post.Language == language).ToList();
        var analyzer = new LexiconSentimentAnalyzer();
        Report($"{language} dev", posts.Where(post => !post.IsTest).ToList(), analyzer);
        var test = Report($"{language} test", posts.Where(post => post.IsTest).ToList(), analyzer);

        Assert.True(posts.Count >= 240, $"The {language} set has only {posts.Count} posts.");
        Assert.True(test >= minimumMacroF1, $"Macro F1 {test:F3} ({language}) is below {minimumMacroF1}.");
    }

    [Theory]
    [InlineData("de", BlindFloors.German)]
    [InlineData("es", BlindFloors.Spanish)]
    [InlineData("fr", BlindFloors.French)]
    [InlineData("pt", BlindFloors.Portuguese)]
    public void Analyze_BlindTweets_MeetTheFloorOnTheFrozenTestPart(string language, double minimumMacroF1)
    {
        var posts = SocialSentimentSets.LanguageBlindTweets().Where(post => post.Language == language).ToList();
        var analyzer = new LexiconSentimentAnalyzer();
        Report($"{language} dev", posts.Where(post => !post.IsTest).ToList(), analyzer);
        var test = Report($"{language} test", posts.Where(post => post.IsTest).ToList(), analyzer);

        Assert.True(posts.Count >= 150, $"The {language} blind set has only {posts.Count} posts.");
        Assert.True(test >= minimumMacroF1, $"Macro F1 {test:F3} ({language}) is below {minimumMacroF1}.");
    }

    private double Report(string part, List<LabelledPost> posts, LexiconSentimentAnalyzer analyzer)
    {
        var expected = posts.Select(post => post.Label).ToArray();
        var scores = posts.Select(post => analyzer.Analyze(post.Text, post.Language)).ToArray();
        var predicted = scores.Select(score => score.Label).ToArray();
        var macroF1 = EvaluationMetrics.MacroF1(expected, predicted);
        var polarityF1 = EvaluationMetrics.PolarityF1(expected, scores.Select(score => score.Compound).ToArray());
        var perClass = string.Join(", ", Classes.Select(label => $"{label} {EvaluationMetrics.F1(expected, predicted, label):F3}"));
        output.WriteLine($"{part}: {posts.Count} posts, macro F1 {macroF1:F3} ({perClass}), polarity F1 {polarityF1:F3}");
        if (!part.EndsWith("test", StringComparison.Ordinal))
        {
            for (var i = 0; i < posts.Count; i++)
            {
                if (predicted[i] != expected[i])
                {
                    output.WriteLine($"  miss: expected {expected[i]}, got {predicted[i]} ({scores[i].Compound:F3}): {posts[i].Text}");
                }
            }
        }

        return macroF1;
    }

    // Floors on the frozen test part, just under the figures measured there after the blind set's classes were added
    // (0.926, 0.902, 0.939, 0.916; 0.668, 0.681, 0.691, 0.691 with the lexicons of 157-220 entries the set was written
    // against; see docs/analysis.md). About 28 posts per class, so one post moves a class's F1 by about two points.
    private static class LanguageFloors
    {
        public const double German = 0.90;
        public const double Spanish = 0.88;
        public const double French = 0.92;
        public const double Portuguese = 0.90;
    }

    // Floors on the frozen test part of the blind set (20 posts per class and language, so one post moves a class's F1
    // by about three points), just under the figures measured there after the work on its dev part (0.899, 0.884,
    // 0.835, 0.882; 0.882, 0.867, 0.752, 0.850 before; see docs/analysis.md).
    private static class BlindFloors
    {
        public const double German = 0.88;
        public const double Spanish = 0.86;
        public const double French = 0.81;
        public const double Portuguese = 0.86;
    }
}
