using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The analyzers on the project's frozen fresh sets (sentiment-fresh-short.tsv, sentiment-fresh-long.tsv,
/// sentiment-fresh-tweets.tsv, intent-fresh-complaints.tsv), written before the lexicon and rules were changed for them. Every post is test:
/// only the figures are reported, never the misses, so that nobody tunes to them. Floors are set just under the
/// figures measured (see docs/analysis.md).
/// </summary>
public sealed class FreshSetEvaluationTests(ITestOutputHelper output)
{
    private const double MinimumShortCorrelation = 0.83;
    private const double MinimumShortPolarityF1 = 0.89;
    private const double MaximumShortZeroShare = 0.10;

    private const double MinimumTweetCorrelation = 0.86;
    private const double MinimumTweetPolarityF1 = 0.90;
    private const double MinimumTweetMacroF1 = 0.84;
    private const double MaximumTweetZeroShare = 0.07;

    private const double MinimumLongCorrelation = 0.80;
    private const double MinimumLongPolarityF1 = 0.86;

    // Complaints with the learned complaint model (on by default): precision 0.963, recall 0.981, F1 0.972 (the rules alone: 0.955 / 0.943 / 0.949).
    private const double MinimumComplaintF1 = 0.96;
    private const double MinimumComplaintPrecision = 0.95;

    [Fact]
    public void Analyze_FreshShortPosts_MeetsTheFloors()
    {
        var posts = SocialSentimentSets.FreshShortPosts();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"fresh short posts: {posts.Count}, {figures}");

        Assert.True(posts.Count >= 600, $"The fresh set of short posts has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.True(post.IsTest));
        Assert.True(figures.R >= MinimumShortCorrelation, $"Pearson r {figures.R:F3} is below {MinimumShortCorrelation}.");
        Assert.True(figures.PolarityF1 >= MinimumShortPolarityF1, $"Polarity F1 {figures.PolarityF1:F3} is below {MinimumShortPolarityF1}.");
        Assert.True(figures.ZeroShare <= MaximumShortZeroShare, $"{figures.ZeroShare:P1} of the polar posts score exactly 0 (at most {MaximumShortZeroShare:P1}).");
    }

    [Fact]
    public void Analyze_FreshTweets_MeetsTheFloors()
    {
        var posts = SocialSentimentSets.FreshTweets();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"fresh tweets: {posts.Count}, {figures}");

        Assert.True(posts.Count >= 600, $"The fresh tweet set has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.True(post.IsTest));
        Assert.True(figures.R >= MinimumTweetCorrelation, $"Pearson r {figures.R:F3} is below {MinimumTweetCorrelation}.");
        Assert.True(figures.PolarityF1 >= MinimumTweetPolarityF1, $"Polarity F1 {figures.PolarityF1:F3} is below {MinimumTweetPolarityF1}.");
        Assert.True(figures.MacroF1 >= MinimumTweetMacroF1, $"Macro F1 {figures.MacroF1:F3} is below {MinimumTweetMacroF1}.");
        Assert.True(figures.ZeroShare <= MaximumTweetZeroShare, $"{figures.ZeroShare:P1} of the polar posts score exactly 0 (at most {MaximumTweetZeroShare:P1}).");
    }

    [Fact]
    public void Analyze_FreshLongTexts_MeetsTheFloors()
    {
        var texts = SocialSentimentSets.FreshLongTexts();
        var figures = SentimentFigures.Measure(texts, new LexiconSentimentAnalyzer());
        output.WriteLine($"fresh longer texts: {texts.Count}, {figures}");

        Assert.True(texts.Count >= 150, $"The fresh set of longer texts has only {texts.Count} texts.");
        Assert.All(texts, text => Assert.True(text.IsTest));
        Assert.True(figures.R >= MinimumLongCorrelation, $"Pearson r {figures.R:F3} is below {MinimumLongCorrelation}.");
        Assert.True(figures.PolarityF1 >= MinimumLongPolarityF1, $"Polarity F1 {figures.PolarityF1:F3} is below {MinimumLongPolarityF1}.");
    }

    [Fact]
    public void Detect_FreshComplaints_MeetsTheFloors()
    {
        var posts = IntentEvaluationSet.Load("intent-fresh-complaints.tsv", "test");
        var complaint = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts)[IntentLabel.Complaint];
        output.WriteLine($"fresh complaints: {posts.Count} posts, {complaint.Expected} complaints, precision {complaint.Precision:F3}, recall {complaint.Recall:F3}, F1 {complaint.F1:F3}");

        Assert.True(posts.Count >= 300, $"The fresh complaint set has only {posts.Count} posts.");
        Assert.True(complaint.Expected >= 0.4 * posts.Count, "Fewer than 40% of the fresh posts are complaints.");
        Assert.True(complaint.F1 >= MinimumComplaintF1, $"Complaint F1 {complaint.F1:F3} is below {MinimumComplaintF1}.");
        Assert.True(complaint.Precision >= MinimumComplaintPrecision, $"Complaint precision {complaint.Precision:F3} is below {MinimumComplaintPrecision}.");
    }
}
