using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The sentiment analyzer on the project's sets of post forms and of reviews (sentiment-forms.tsv, sentiment-reviews.tsv),
/// written before any word or rule was changed for them. The frozen files print their figures, never their misses;
/// the dev files (and the older longer-text dev set) print their misses, for tuning. Floors are set just under the
/// figures measured (see docs/analysis.md).
/// </summary>
public sealed class FormAndReviewSetEvaluationTests(ITestOutputHelper output)
{
    private const double MinimumFormCorrelation = 0.67;
    private const double MinimumFormPolarityF1 = 0.77;
    private const double MinimumFormMacroF1 = 0.69;
    private const double MaximumFormZeroShare = 0.18;

    private const double MinimumReviewCorrelation = 0.70;
    private const double MinimumReviewPolarityF1 = 0.78;
    private const double MinimumReviewMacroF1 = 0.66;

    private const double MinimumDevCorrelation = 0.60;

    [Fact]
    public void Analyze_FrozenFormPosts_MeetsTheFloors()
    {
        var posts = SocialSentimentSets.FormPosts();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"forms, frozen: {posts.Count} posts, {figures}");

        Assert.True(posts.Count >= 500, $"The frozen set of post forms has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.True(post.IsTest));
        Assert.True(figures.R >= MinimumFormCorrelation, $"Pearson r {figures.R:F3} is below {MinimumFormCorrelation}.");
        Assert.True(figures.PolarityF1 >= MinimumFormPolarityF1, $"Polarity F1 {figures.PolarityF1:F3} is below {MinimumFormPolarityF1}.");
        Assert.True(figures.MacroF1 >= MinimumFormMacroF1, $"Macro F1 {figures.MacroF1:F3} is below {MinimumFormMacroF1}.");
        Assert.True(figures.ZeroShare <= MaximumFormZeroShare, $"{figures.ZeroShare:P1} of the polar posts score exactly 0 (at most {MaximumFormZeroShare:P1}).");
    }

    [Fact]
    public void Analyze_FrozenReviews_MeetsTheFloors()
    {
        var texts = SocialSentimentSets.Reviews();
        var figures = SentimentFigures.Measure(texts, new LexiconSentimentAnalyzer());
        output.WriteLine($"reviews, frozen: {texts.Count} texts, {figures}");

        Assert.True(texts.Count >= 150, $"The frozen set of reviews has only {texts.Count} texts.");
        Assert.All(texts, text => Assert.True(text.IsTest));
        Assert.True(figures.R >= MinimumReviewCorrelation, $"Pearson r {figures.R:F3} is below {MinimumReviewCorrelation}.");
        Assert.True(figures.PolarityF1 >= MinimumReviewPolarityF1, $"Polarity F1 {figures.PolarityF1:F3} is below {MinimumReviewPolarityF1}.");
        Assert.True(figures.MacroF1 >= MinimumReviewMacroF1, $"Macro F1 {figures.MacroF1:F3} is below {MinimumReviewMacroF1}.");
    }

    [Theory]
    [InlineData("sentiment-forms-dev.tsv")]
    [InlineData("sentiment-reviews-dev.tsv")]
    [InlineData("sentiment-long-dev.tsv")]
    public void Analyze_DevSet_ReportsItsMisses(string fileName)
    {
        var posts = fileName switch
        {
            "sentiment-forms-dev.tsv" => SocialSentimentSets.FormPostsDev(),
            "sentiment-reviews-dev.tsv" => SocialSentimentSets.ReviewsDev(),
            _ => SocialSentimentSets.LongTextsDev(),
        };
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"{fileName}: {posts.Count} posts, {figures}");
        for (var i = 0; i < posts.Count; i++)
        {
            var score = figures.Scores[i];
            if (score.Label != posts[i].Label || (score.Compound == 0 && posts[i].Label != SentimentLabel.Neutral))
            {
                output.WriteLine($"  miss: rated {posts[i].Rating:F1}, got {score.Compound:F3}: {posts[i].Text}");
            }
        }

        Assert.All(posts, post => Assert.False(post.IsTest));
        Assert.True(figures.R >= MinimumDevCorrelation, $"Pearson r {figures.R:F3} is below {MinimumDevCorrelation}.");
    }
}
