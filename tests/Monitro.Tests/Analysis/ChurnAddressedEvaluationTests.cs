using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// Churn detection on the project's own set of posts to and about companies (churn-addressed.tsv): 317 posts, about half
/// of them churn risks, many told without any word of ending ("done with", "never again", "that was my last order",
/// "you've lost me"), changes of provider told to the company joined ("switched to @Orbitel, so far so good", no churn)
/// against those that name or address the company left, and look-alikes ("done with work", "switched my plan",
/// "cancelled my flight"), written before any rule was changed for it. The dev part prints its misses and is among the
/// churn model's training posts; the frozen part prints only its figures and fails below floors set just under what was
/// measured there (see docs/analysis.md).
/// </summary>
public sealed class ChurnAddressedEvaluationTests(ITestOutputHelper output)
{
    private const string FileName = "churn-addressed.tsv";

    // Measured on the frozen part, churn precision / recall / F1, default detector: at the start of this work
    // 0.690 / 0.370 / 0.482 (rules alone 0.467 / 0.259 / 0.333); with the move and custom readings of ChurnStructure and the churn model retrained 0.762 / 0.593 / 0.667 (rules alone 0.654 / 0.315 / 0.425);
    // retrained with the look-alike parts 0.786 / 0.611 / 0.688.
    private const double MinimumChurnF1 = 0.67;
    private const double MinimumChurnPrecision = 0.73;

    private static readonly RuleIntentDetector RulesAlone = new(new RuleIntentDetectorOptions { UseLearnedComplaintModel = false, UseLearnedChurnModel = false });

    [Fact]
    public void Detect_DevPart_ReportsFiguresAndMisses()
    {
        var posts = IntentEvaluationSet.Load(FileName, "dev");
        var churn = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts, ChurnLinesTo(output))[IntentLabel.ChurnRisk];
        Print("dev, default detector", posts.Count, churn);
        Print("dev, rules alone", posts.Count, IntentEvaluationSet.Measure(RulesAlone, posts)[IntentLabel.ChurnRisk]);

        Assert.True(posts.Count >= 200, $"The dev part has only {posts.Count} posts.");
        Assert.True(churn.Expected >= 0.4 * posts.Count, "Fewer than 40% of the dev posts are churn risks.");
    }

    [Fact]
    public void Detect_FrozenPart_MeetsTheFloors()
    {
        var posts = IntentEvaluationSet.Load(FileName, "test");
        var churn = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts)[IntentLabel.ChurnRisk];
        Print("frozen, default detector", posts.Count, churn);
        Print("frozen, rules alone", posts.Count, IntentEvaluationSet.Measure(RulesAlone, posts)[IntentLabel.ChurnRisk]);

        Assert.True(posts.Count >= 100, $"The frozen part has only {posts.Count} posts.");
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

    private void Print(string part, int count, LabelFigures churn) =>
        output.WriteLine($"{FileName} {part}: {count} posts, {churn.Expected} churn risks, precision {churn.Precision:F3}, recall {churn.Recall:F3}, F1 {churn.F1:F3}");
}
