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
    private const double MinimumFormCorrelation = 0.73;
    private const double MinimumFormPolarityF1 = 0.82;
    private const double MinimumFormMacroF1 = 0.74;
    private const double MaximumFormZeroShare = 0.11;

    private const double MinimumReviewCorrelation = 0.74;
    private const double MinimumReviewPolarityF1 = 0.80;
    private const double MinimumReviewMacroF1 = 0.68;

    private const double MinimumDevCorrelation = 0.70;

    [Fact]
    public void Analyze_FrozenFormPosts_MeetsTheFloors()
    {
        MeasureFrozen("forms", SocialSentimentSets.FormPosts(), 500)
            .AssertMeets(MinimumFormCorrelation, MinimumFormPolarityF1, MinimumFormMacroF1, MaximumFormZeroShare);
    }

    [Fact]
    public void Analyze_FrozenReviews_MeetsTheFloors()
    {
        MeasureFrozen("reviews", SocialSentimentSets.Reviews(), 150)
            .AssertMeets(MinimumReviewCorrelation, MinimumReviewPolarityF1, MinimumReviewMacroF1);
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

    // Frozen: only the figures are printed, never the misses.
    private SentimentFigures MeasureFrozen(string name, IReadOnlyList<LabelledPost> posts, int minimumCount)
    {
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"{name}, frozen: {posts.Count} posts, {figures}");

        Assert.True(posts.Count >= minimumCount, $"The frozen set {name} has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.True(post.IsTest));
        return figures;
    }
}
