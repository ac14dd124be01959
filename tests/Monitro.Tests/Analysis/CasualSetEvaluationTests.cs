using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The sentiment analyzer on the project's casual short posts (sentiment-casual.tsv, frozen, and sentiment-casual-dev.tsv),
/// written before any word or rule was changed for them. The frozen file prints its figures, never its misses; the dev
/// file prints its misses, for tuning. Floors are set just under the figures measured (see docs/analysis.md).
/// </summary>
public sealed class CasualSetEvaluationTests(ITestOutputHelper output)
{
    private const double MinimumFrozenCorrelation = 0.81;
    private const double MinimumFrozenPolarityF1 = 0.87;
    private const double MinimumFrozenMacroF1 = 0.73;
    private const double MaximumFrozenZeroShare = 0.125;

    private const double MinimumDevCorrelation = 0.85;

    [Fact]
    public void Analyze_FrozenCasualPosts_MeetsTheFloors()
    {
        var posts = SocialSentimentSets.CasualPosts();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"casual, frozen: {posts.Count} posts, {figures}");

        Assert.True(posts.Count >= 200, $"The frozen casual set has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.True(post.IsTest));
        figures.AssertMeets(MinimumFrozenCorrelation, MinimumFrozenPolarityF1, MinimumFrozenMacroF1, MaximumFrozenZeroShare);
    }

    [Fact]
    public void Analyze_CasualDevPosts_ReportsItsMisses()
    {
        var posts = SocialSentimentSets.CasualPostsDev();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"casual, dev: {posts.Count} posts, {figures}");
        for (var i = 0; i < posts.Count; i++)
        {
            var score = figures.Scores[i];
            if (score.Label != posts[i].Label || (score.Compound == 0 && posts[i].Label != SentimentLabel.Neutral))
            {
                output.WriteLine($"  miss: rated {posts[i].Rating:F1}, got {score.Compound:F3}: {posts[i].Text}");
            }
        }

        Assert.True(posts.Count >= 400, $"The casual dev set has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.False(post.IsTest));
        Assert.True(figures.R >= MinimumDevCorrelation, $"Pearson r {figures.R:F3} is below {MinimumDevCorrelation}.");
    }

    [Fact]
    public void CasualSets_LabelsFollowTheRatings()
    {
        // The label is derived from the rating when the set was written: positive above 0.125, negative below -0.125.
        Assert.All(SocialSentimentSets.CasualPosts().Concat(SocialSentimentSets.CasualPostsDev()), post =>
            Assert.Equal(post.Rating > 0.125 ? SentimentLabel.Positive : post.Rating < -0.125 ? SentimentLabel.Negative : SentimentLabel.Neutral, post.Label));
    }
}
