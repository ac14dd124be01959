using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The sentiment analyzer on the project's blind general tweets (sentiment-blind.tsv): everyday topics in the forms real
/// tweets take, about a third plainly neutral, written without looking at the lexicon or the rules and frozen whole, so
/// it measures how the rules generalise. Only the figures are reported, never the misses. Floors are set just under the
/// figures measured (see docs/analysis.md).
/// </summary>
public sealed class BlindTweetEvaluationTests(ITestOutputHelper output)
{
    private const double MinimumCorrelation = 0.83;
    private const double MinimumPolarityF1 = 0.89;
    private const double MinimumMacroF1 = 0.81;
    private const double MaximumZeroShare = 0.10;

    [Fact]
    public void Analyze_BlindTweets_MeetsTheFloors()
    {
        var posts = SocialSentimentSets.BlindTweets();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"blind tweets: {posts.Count} posts, {figures}");

        Assert.True(posts.Count >= 400, $"The blind set has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.True(post.IsTest));
        figures.AssertMeets(MinimumCorrelation, MinimumPolarityF1, MinimumMacroF1, MaximumZeroShare);
    }

    [Fact]
    public void BlindSet_LabelsFollowTheRatingsAndAboutAThirdIsNeutral()
    {
        // The label is derived from the rating when the set was written: positive above 0.5, negative below -0.5.
        var posts = SocialSentimentSets.BlindTweets();
        Assert.All(posts, post =>
            Assert.Equal(post.Rating > 0.5 ? SentimentLabel.Positive : post.Rating < -0.5 ? SentimentLabel.Negative : SentimentLabel.Neutral, post.Label));
        var neutralShare = posts.Count(post => post.Label == SentimentLabel.Neutral) / (double)posts.Count;
        Assert.InRange(neutralShare, 0.25, 0.40);
        Assert.Equal(posts.Count, posts.Select(post => post.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void BlindSet_SharesNoPostWithTheOlderEnglishSets()
    {
        var older = new[]
        {
            SocialSentimentSets.English(), SocialSentimentSets.EverydayTweets(), SocialSentimentSets.FreshShortPosts(),
            SocialSentimentSets.FreshTweets(), SocialSentimentSets.FormPosts(), SocialSentimentSets.FormPostsDev(),
            SocialSentimentSets.CasualPosts(), SocialSentimentSets.CasualPostsDev(), SocialSentimentSets.GeneralTweets(),
            SocialSentimentSets.GeneralTweetsDev(), SocialSentimentSets.ChatterTweets(), SocialSentimentSets.ChatterTweetsDev(),
        }.SelectMany(set => set.Select(post => post.Text)).Concat(SentimentEvaluationSet.Load().Select(item => item.Text));

        Assert.Empty(SocialSentimentSets.BlindTweets().Select(post => post.Text).Intersect(older, StringComparer.OrdinalIgnoreCase));
    }
}
