using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

public sealed class SentimentEvaluationTests(ITestOutputHelper output)
{
    // Floors set just under the figures measured on the evaluation set (see docs/analysis.md).
    private const double MinimumCorrelation = 0.92;
    private const double MinimumMacroF1 = 0.92;

    [Fact]
    public void Analyze_EvaluationSet_CorrelatesWithRatingsAndClassifiesThreeWays()
    {
        var set = SentimentEvaluationSet.Load();
        var analyzer = new LexiconSentimentAnalyzer();
        var compounds = new double[set.Count];
        var predicted = new SentimentLabel[set.Count];
        for (var i = 0; i < set.Count; i++)
        {
            var score = analyzer.Analyze(set[i].Text, "en");
            compounds[i] = score.Compound;
            predicted[i] = score.Label;
        }

        var ratings = set.Select(item => item.Rating).ToArray();
        var expected = set.Select(item => item.Label).ToArray();
        var r = EvaluationMetrics.PearsonCorrelation(compounds, ratings);
        var f1 = EvaluationMetrics.MacroF1(expected, predicted);
        var accuracy = expected.Zip(predicted).Count(pair => pair.First == pair.Second) / (double)set.Count;

        output.WriteLine($"posts: {set.Count}");
        output.WriteLine($"pearson r (compound vs rating): {r:F3}");
        output.WriteLine($"macro F1 (3 classes): {f1:F3}");
        output.WriteLine($"accuracy: {accuracy:F3}");
        for (var i = 0; i < set.Count; i++)
        {
            if (predicted[i] != expected[i])
            {
                output.WriteLine($"miss: expected {expected[i]}, got {predicted[i]} ({compounds[i]:F3}): {set[i].Text}");
            }
        }

        Assert.True(set.Count >= 300, $"The evaluation set has only {set.Count} posts.");
        Assert.True(r >= MinimumCorrelation, $"Pearson r {r:F3} is below {MinimumCorrelation}.");
        Assert.True(f1 >= MinimumMacroF1, $"Macro F1 {f1:F3} is below {MinimumMacroF1}.");
    }
}
