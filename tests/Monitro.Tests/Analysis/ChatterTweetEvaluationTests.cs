using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The sentiment analyzer on the project's chatter tweets (sentiment-chatter.tsv, frozen, and sentiment-chatter-dev.tsv):
/// replies and conversations, fan and hobby talk, parents and students, quoted lyrics, ironic understatement, mixed
/// feelings, questions and wishes, posts of hashtags or emoji, mild everyday posts and plainly neutral ones, written in a
/// voice the earlier sets lack and before any word or rule was changed for them. The frozen file prints its figures,
/// never its misses; the dev file prints its misses, for tuning. Floors are set just under the figures measured (see
/// docs/analysis.md).
/// </summary>
public sealed class ChatterTweetEvaluationTests(ITestOutputHelper output)
{
    private const double MinimumFrozenCorrelation = 0.81;
    private const double MinimumFrozenPolarityF1 = 0.90;
    private const double MinimumFrozenMacroF1 = 0.83;
    private const double MaximumFrozenZeroShare = 0.06;

    private const double MinimumDevCorrelation = 0.78;

    [Fact]
    public void Analyze_FrozenChatterTweets_MeetsTheFloors()
    {
        var posts = SocialSentimentSets.ChatterTweets();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"chatter tweets, frozen: {posts.Count} posts, {figures}");

        Assert.True(posts.Count >= 200, $"The frozen chatter set has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.True(post.IsTest));
        figures.AssertMeets(MinimumFrozenCorrelation, MinimumFrozenPolarityF1, MinimumFrozenMacroF1, MaximumFrozenZeroShare);
    }

    [Fact]
    public void Analyze_ChatterDevTweets_ReportsItsMisses()
    {
        var posts = SocialSentimentSets.ChatterTweetsDev();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"chatter tweets, dev: {posts.Count} posts, {figures}");
        for (var i = 0; i < posts.Count; i++)
        {
            var score = figures.Scores[i];
            if (score.Label != posts[i].Label || (score.Compound == 0 && posts[i].Label != SentimentLabel.Neutral))
            {
                output.WriteLine($"  miss: rated {posts[i].Rating:F1}, got {score.Compound:F3}: {posts[i].Text}");
            }
        }

        Assert.True(posts.Count >= 400, $"The chatter dev set has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.False(post.IsTest));
        Assert.True(figures.R >= MinimumDevCorrelation, $"Pearson r {figures.R:F3} is below {MinimumDevCorrelation}.");
    }

    [Fact]
    public void ChatterSets_LabelsFollowTheRatingsAndTheSplitIsEveryThirdPost()
    {
        // The label is derived from the rating when the set was written: positive above 0.5, negative below -0.5.
        var frozen = SocialSentimentSets.ChatterTweets();
        var dev = SocialSentimentSets.ChatterTweetsDev();
        Assert.All(frozen.Concat(dev), post =>
            Assert.Equal(post.Rating > 0.5 ? SentimentLabel.Positive : post.Rating < -0.5 ? SentimentLabel.Negative : SentimentLabel.Neutral, post.Label));
        // Every third post as written is frozen, so the dev part has twice as many posts, give or take the last two.
        Assert.InRange(dev.Count - (2 * frozen.Count), 0, 2);
        Assert.Empty(frozen.Select(post => post.Text).Intersect(dev.Select(post => post.Text), StringComparer.OrdinalIgnoreCase));
    }
}
