using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// Churn detection on the project's churn-and-lookalike set (churn-voices.tsv): 456 posts in voices unlike the rules'
/// own wording across 19 industries, about half of them churn risks and the rest look-alikes (cancelled orders, jobs
/// left, houses moved, newsletters, other people leaving), written before churn detection was redesigned. The dev part
/// prints its misses for tuning; the frozen part prints only its figures and fails below floors set just under what was
/// measured there (see docs/analysis.md). Its dev part is among the churn model's training posts.
/// </summary>
public sealed class ChurnVoicesEvaluationTests(ITestOutputHelper output)
{
    private const string FileName = "churn-voices.tsv";

    // Measured with the detector of before the set (the start of the churn redesign), churn precision / recall / F1:
    // dev 0.551 / 0.370 / 0.443, frozen 0.574 / 0.360 / 0.443 (rules alone and default alike); with the churn model
    // then shipped, dev 0.550 / 0.377 / 0.447, frozen 0.596 / 0.373 / 0.459.
    // With the sentence shapes of ChurnStructure (tuned on the dev part): rules alone dev 0.650 / 0.534 / 0.586, frozen
    // 0.654 / 0.453 / 0.535; the churn model retrained on the dev part and on by default: frozen 0.656 / 0.560 / 0.604.
    // With the change of provider read for the company joined and custom refused for good (ChurnStructure), and the churn
    // model retrained with the dev part of churn-addressed.tsv: rules alone frozen 0.714 / 0.533 / 0.611, default 0.675 /
    // 0.720 / 0.697. The churn model retrained with the complaint parts and the company-shapes training posts, its
    // threshold chosen 0.20 → 0.32 by cross-validation: frozen 0.733 / 0.587 / 0.652 (a loss, recall; see docs/analysis.md).
    // Retrained with the look-alike parts (the churn threshold chosen 0.20, without the rules' decision): 0.667 / 0.720 / 0.692.
    private const double MinimumChurnF1 = 0.68;
    private const double MinimumChurnPrecision = 0.65;

    private static readonly RuleIntentDetector RulesAlone = new(new RuleIntentDetectorOptions { UseLearnedComplaintModel = false, UseLearnedChurnModel = false });
    private static readonly RuleIntentDetector WithChurnModel = new(new RuleIntentDetectorOptions { UseLearnedChurnModel = true });

    [Fact]
    public void Detect_DevPart_ReportsFiguresAndMisses()
    {
        var posts = IntentEvaluationSet.Load(FileName, "dev");
        var churn = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts, ChurnLinesTo(output))[IntentLabel.ChurnRisk];
        Print("dev, default detector", churn);
        Print("dev, rules alone", IntentEvaluationSet.Measure(RulesAlone, posts)[IntentLabel.ChurnRisk]);
        Print("dev, with the churn model", IntentEvaluationSet.Measure(WithChurnModel, posts)[IntentLabel.ChurnRisk]);

        Assert.True(posts.Count >= 300, $"The dev part has only {posts.Count} posts.");
        Assert.True(churn.Expected >= 0.4 * posts.Count, "Fewer than 40% of the dev posts are churn risks.");
    }

    [Fact]
    public void Detect_FrozenPart_MeetsTheFloors()
    {
        var posts = IntentEvaluationSet.Load(FileName, "test");
        var churn = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts)[IntentLabel.ChurnRisk];
        Print("frozen, default detector", churn);
        Print("frozen, rules alone", IntentEvaluationSet.Measure(RulesAlone, posts)[IntentLabel.ChurnRisk]);
        Print("frozen, with the churn model", IntentEvaluationSet.Measure(WithChurnModel, posts)[IntentLabel.ChurnRisk]);

        Assert.True(posts.Count >= 150, $"The frozen part has only {posts.Count} posts.");
        Assert.True(churn.Expected >= 0.4 * posts.Count, "Fewer than 40% of the frozen posts are churn risks.");
        Assert.True(churn.F1 >= MinimumChurnF1, $"Churn F1 {churn.F1:F3} is below {MinimumChurnF1}.");
        Assert.True(churn.Precision >= MinimumChurnPrecision, $"Churn precision {churn.Precision:F3} is below {MinimumChurnPrecision}.");
    }

    private static Action<string> ChurnLinesTo(ITestOutputHelper output) => line =>
    {
        if (line.Contains("ChurnRisk", StringComparison.Ordinal))
        {
            output.WriteLine(line);
        }
    };

    private void Print(string part, LabelFigures churn) =>
        output.WriteLine($"{FileName} {part}: churn {churn.Expected}: precision {churn.Precision:F3}, recall {churn.Recall:F3}, F1 {churn.F1:F3}");
}
