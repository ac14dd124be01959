using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The sentiment analyzer on the project's blind general tweets: everyday topics in the forms real tweets take, about a
/// third plainly neutral, written without looking at the lexicon or the rules and frozen whole, so they measure how the
/// rules generalise. The first set (sentiment-blind.tsv) is mostly posts of one's own; the second
/// (sentiment-blind-replies.tsv), written a round later without looking at the first either, is a different mix: replies
/// and conversations, opinions of people and events, mild feelings, emoticons, slang and profanity used both ways. Only the
/// figures are reported, never the misses. Floors are set just under the figures measured (see docs/analysis.md).
/// </summary>
public sealed class BlindTweetEvaluationTests(ITestOutputHelper output)
{
    /// <summary>The blind sets by name, each with its floors: Pearson r, polarity F1, macro F1 and the most polar posts at 0.</summary>
    private static readonly Dictionary<string, (Func<IReadOnlyList<LabelledPost>> Load, double R, double PolarityF1, double MacroF1, double ZeroShare)> Sets = new()
    {
        ["general"] = (SocialSentimentSets.BlindTweets, 0.83, 0.89, 0.81, 0.10),
        ["replies"] = (SocialSentimentSets.BlindReplyTweets, 0.80, 0.88, 0.83, 0.07),
    };

    public static TheoryData<string> SetNames => new(Sets.Keys);

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Analyze_BlindTweets_MeetsTheFloors(string set)
    {
        var (load, minimumR, minimumPolarityF1, minimumMacroF1, maximumZeroShare) = Sets[set];
        var posts = load();
        var figures = SentimentFigures.Measure(posts, new LexiconSentimentAnalyzer());
        output.WriteLine($"blind tweets ({set}): {posts.Count} posts, {figures}");

        Assert.True(posts.Count >= 400, $"The blind set has only {posts.Count} posts.");
        Assert.All(posts, post => Assert.True(post.IsTest));
        figures.AssertMeets(minimumR, minimumPolarityF1, minimumMacroF1, maximumZeroShare);
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void BlindSet_LabelsFollowTheRatingsAndAboutAThirdIsNeutral(string set)
    {
        // The label is derived from the rating when the set was written: positive above 0.5, negative below -0.5.
        var posts = Sets[set].Load();
        Assert.All(posts, post =>
            Assert.Equal(post.Rating > 0.5 ? SentimentLabel.Positive : post.Rating < -0.5 ? SentimentLabel.Negative : SentimentLabel.Neutral, post.Label));
        var neutralShare = posts.Count(post => post.Label == SentimentLabel.Neutral) / (double)posts.Count;
        Assert.InRange(neutralShare, 0.25, 0.40);
        Assert.Equal(posts.Count, posts.Select(post => post.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void BlindSets_ShareNoPostWithTheOlderEnglishSetsOrEachOther()
    {
        var older = new[]
        {
            SocialSentimentSets.English(), SocialSentimentSets.EverydayTweets(), SocialSentimentSets.FreshShortPosts(),
            SocialSentimentSets.FreshTweets(), SocialSentimentSets.FormPosts(), SocialSentimentSets.FormPostsDev(),
            SocialSentimentSets.CasualPosts(), SocialSentimentSets.CasualPostsDev(), SocialSentimentSets.GeneralTweets(),
            SocialSentimentSets.GeneralTweetsDev(), SocialSentimentSets.ChatterTweets(), SocialSentimentSets.ChatterTweetsDev(),
        }.SelectMany(set => set.Select(post => post.Text)).Concat(SentimentEvaluationSet.Load().Select(item => item.Text)).ToList();
        var first = SocialSentimentSets.BlindTweets().Select(post => post.Text).ToList();
        var second = SocialSentimentSets.BlindReplyTweets().Select(post => post.Text).ToList();

        Assert.Empty(first.Intersect(older, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(second.Intersect(older.Concat(first), StringComparer.OrdinalIgnoreCase));
    }
}
