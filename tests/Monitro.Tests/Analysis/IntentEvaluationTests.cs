using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>The detector on the first, smaller intent set (intent-eval.tsv, 99 posts), used to write the first phrase table.</summary>
public sealed class IntentEvaluationTests(ITestOutputHelper output)
{
    // Floors set just under the figures measured on the evaluation set (see docs/analysis.md).
    private const double MinimumMacroF1 = 0.95;
    private const double MinimumLabelF1 = 0.85;

    [Fact]
    public void Detect_EvaluationSet_FindsEachLabelWithReasonablePrecisionAndRecall()
    {
        var set = IntentEvaluationSet.Load("intent-eval.tsv");
        var detector = new RuleIntentDetector();
        var figures = IntentEvaluationSet.Measure(detector, set, output.WriteLine);

        var macroF1 = figures.Values.Average(label => label.F1);
        var worst = figures.Values.Min(label => label.F1);
        var exact = set.Count(post => post.Labels.SetEquals(detector.Detect(post.Text, "en").Select(hit => hit.Label))) / (double)set.Count;
        output.WriteLine($"posts: {set.Count}, macro F1: {macroF1:F3}, exact label sets: {exact:F3}");

        Assert.True(set.Count >= 90, $"The evaluation set has only {set.Count} posts.");
        Assert.True(macroF1 >= MinimumMacroF1, $"Macro F1 {macroF1:F3} is below {MinimumMacroF1}.");
        Assert.True(worst >= MinimumLabelF1, $"The weakest label has F1 {worst:F3}, below {MinimumLabelF1}.");
    }
}
