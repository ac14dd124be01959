using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// Complaint and churn detection on the project's own tweets written deliberately unlike the earlier sets (other
/// industries, other people, complaints told by product facts, friends' handles tagged): a frozen set
/// (complaints-varied-tweets.tsv) and a dev set (complaints-varied-dev.tsv), both written before any rule was changed
/// for them. The dev set prints its misses for tuning; the frozen set prints only its figures and fails below floors
/// set just under what was measured there (see docs/analysis.md).
/// </summary>
public sealed class VariedTweetEvaluationTests(ITestOutputHelper output)
{
    // Measured on the frozen set: complaint precision 0.893, recall 0.810, F1 0.850; churn precision 0.818, recall 0.391,
    // F1 0.529. Before any rule was changed for it: complaint 0.862 / 0.754 / 0.804, churn 0.800 / 0.348 / 0.485. With
    // the churn patterns (ChurnPatterns, tuned on complaints-churn-dev.tsv): churn 0.833 / 0.435 / 0.571.
    // With the learned complaint model (on by default): complaint 0.894 / 0.948 / 0.920.
    // With the sentence shapes of ChurnStructure and the churn model on by default (retrained with churn-voices.tsv's dev
    // part): churn 0.778 / 0.609 / 0.683 (rules alone 0.706 / 0.522 / 0.600); complaint 0.891 / 0.952 / 0.920.
    // With the company joined and custom refused for good read (ChurnStructure) and both models retrained: churn 0.680 /
    // 0.739 / 0.708 (rules alone 0.722 / 0.565 / 0.634); complaint 0.908 / 0.956 / 0.931.
    private const double MinimumComplaintF1 = 0.91;
    private const double MinimumComplaintPrecision = 0.88;
    private const double MinimumChurnF1 = 0.69;

    [Fact]
    public void Detect_VariedDevTweets_ReportsFiguresAndMisses()
    {
        var posts = IntentEvaluationSet.Load("complaints-varied-dev.tsv", "dev");
        var figures = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts, ScoredLinesTo(output));
        Print("varied dev tweets", posts.Count, figures);

        Assert.True(posts.Count >= 200, $"The dev set has only {posts.Count} posts.");
    }

    [Fact]
    public void Detect_VariedFrozenTweets_MeetsTheFloors()
    {
        var posts = IntentEvaluationSet.Load("complaints-varied-tweets.tsv", "test");
        var figures = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts);
        Print("varied frozen tweets", posts.Count, figures);

        IntentEvaluationSet.AssertComplaintFloors(posts.Count, figures[IntentLabel.Complaint], minimumPosts: 400, MinimumComplaintF1, MinimumComplaintPrecision);
        var churn = figures[IntentLabel.ChurnRisk];
        Assert.True(churn.F1 >= MinimumChurnF1, $"Churn F1 {churn.F1:F3} is below {MinimumChurnF1}.");
    }

    // Only complaint and churn are annotated in these sets, so only their lines are worth reading.
    private static Action<string> ScoredLinesTo(ITestOutputHelper output) => line =>
    {
        if (line.Contains("Complaint", StringComparison.Ordinal) || line.Contains("ChurnRisk", StringComparison.Ordinal))
        {
            output.WriteLine(line);
        }
    };

    private void Print(string name, int posts, Dictionary<IntentLabel, LabelFigures> figures)
    {
        foreach (var label in new[] { IntentLabel.Complaint, IntentLabel.ChurnRisk })
        {
            var f = figures[label];
            output.WriteLine($"{name}: {posts} posts, {label} {f.Expected}: precision {f.Precision:F3}, recall {f.Recall:F3}, F1 {f.F1:F3}");
        }
    }
}
