using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The sentiment analyzer on the project's general tweets (sentiment-general.tsv, frozen, and sentiment-general-dev.tsv):
/// daily life, sport, TV and music, weather, politics, travel, food, work, relationships, celebrities and news, not
/// customer care, written before any word or rule was changed for them. The frozen file prints its figures, never its
/// misses; the dev file prints its misses, for tuning. Floors are set just under the figures measured (see docs/analysis.md).
/// </summary>
public sealed class GeneralTweetEvaluationTests(ITestOutputHelper output)
{
    private const double MinimumFrozenCorrelation = 0.80;
    private const double MinimumFrozenPolarityF1 = 0.90;
    private const double MinimumFrozenMacroF1 = 0.83;
    private const double MaximumFrozenZeroShare = 0.06;

    private const double MinimumDevCorrelation = 0.80;

    [Fact]
    public void Analyze_FrozenGeneralTweets_MeetsTheFloors()
    {
        var posts = SocialSentimentSets.GeneralTweets();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"general tweets, frozen: {posts.Count} posts, {figures}");

        Assert.True(posts.Count >= 200, $"The frozen general set has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.True(post.IsTest));
        figures.AssertMeets(MinimumFrozenCorrelation, MinimumFrozenPolarityF1, MinimumFrozenMacroF1, MaximumFrozenZeroShare);
    }

    [Fact]
    public void Analyze_GeneralDevTweets_ReportsItsMisses()
    {
        var posts = SocialSentimentSets.GeneralTweetsDev();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"general tweets, dev: {posts.Count} posts, {figures}");
        for (var i = 0; i < posts.Count; i++)
        {
            var score = figures.Scores[i];
            if (score.Label != posts[i].Label || (score.Compound == 0 && posts[i].Label != SentimentLabel.Neutral))
            {
                output.WriteLine($"  miss: rated {posts[i].Rating:F1}, got {score.Compound:F3}: {posts[i].Text}");
            }
        }

        Assert.True(posts.Count >= 400, $"The general dev set has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.False(post.IsTest));
        Assert.True(figures.R >= MinimumDevCorrelation, $"Pearson r {figures.R:F3} is below {MinimumDevCorrelation}.");
    }

    [Fact]
    public void GeneralSets_LabelsFollowTheRatingsAndTheSplitIsEveryThirdPost()
    {
        // The label is derived from the rating when the set was written: positive above 0.5, negative below -0.5.
        var frozen = SocialSentimentSets.GeneralTweets();
        var dev = SocialSentimentSets.GeneralTweetsDev();
        Assert.All(frozen.Concat(dev), post =>
            Assert.Equal(post.Rating > 0.5 ? SentimentLabel.Positive : post.Rating < -0.5 ? SentimentLabel.Negative : SentimentLabel.Neutral, post.Label));
        // Every third post as written is frozen, so the dev part has twice as many posts, give or take the last two.
        Assert.InRange(dev.Count - (2 * frozen.Count), 0, 2);
        Assert.Empty(frozen.Select(post => post.Text).Intersect(dev.Select(post => post.Text), StringComparer.OrdinalIgnoreCase));
    }
}
