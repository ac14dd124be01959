namespace Monitro.Tests.Analysis;

/// <summary>The figures of a sentiment analyzer on a set of rated posts, with each post's score kept for reporting misses.</summary>
/// <param name="R">Pearson r of the compound score against the human rating.</param>
/// <param name="PolarityF1">Macro F1 of positive vs negative by the sign of the score (see <see cref="EvaluationMetrics.PolarityF1"/>).</param>
/// <param name="MacroF1">3-class macro F1 of the labels.</param>
/// <param name="ZeroShare">The share of polar posts that score exactly 0.</param>
/// <param name="Scores">The score of each post, in the order of the posts.</param>
internal sealed record SentimentFigures(double R, double PolarityF1, double MacroF1, double ZeroShare, IReadOnlyList<SentimentScore> Scores)
{
    public static SentimentFigures Measure(IReadOnlyList<LabelledPost> posts, ISentimentAnalyzer analyzer)
    {
        var scores = posts.Select(post => analyzer.Analyze(post.Text, post.Language)).ToArray();
        var compounds = scores.Select(score => score.Compound).ToArray();
        var expected = posts.Select(post => post.Label).ToArray();
        return new SentimentFigures(
            EvaluationMetrics.PearsonCorrelation(compounds, posts.Select(post => post.Rating).ToArray()),
            EvaluationMetrics.PolarityF1(expected, compounds),
            EvaluationMetrics.MacroF1(expected, scores.Select(score => score.Label).ToArray()),
            EvaluationMetrics.ZeroShare(expected, compounds),
            scores);
    }

    /// <summary>Fails when a figure is below its floor (or the share at 0 above its ceiling); a floor of 0 is not checked.</summary>
    public void AssertMeets(double minimumR, double minimumPolarityF1, double minimumMacroF1 = 0, double maximumZeroShare = 1)
    {
        Assert.True(R >= minimumR, $"Pearson r {R:F3} is below {minimumR}.");
        Assert.True(PolarityF1 >= minimumPolarityF1, $"Polarity F1 {PolarityF1:F3} is below {minimumPolarityF1}.");
        Assert.True(MacroF1 >= minimumMacroF1, $"Macro F1 {MacroF1:F3} is below {minimumMacroF1}.");
        Assert.True(ZeroShare <= maximumZeroShare, $"{ZeroShare:P1} of the polar posts score exactly 0 (at most {maximumZeroShare:P1}).");
    }

    public override string ToString() =>
        $"r {R:F3}, polarity F1 {PolarityF1:F3}, macro F1 {MacroF1:F3}, polar posts at 0 {ZeroShare:P1}";
}
