using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

public sealed class IntentEvaluationTests(ITestOutputHelper output)
{
    // Floors set just under the figures measured on the evaluation set (see docs/analysis.md).
    private const double MinimumMacroF1 = 0.95;
    private const double MinimumLabelF1 = 0.85;

    private static readonly Dictionary<string, IntentLabel> LabelNames = new(StringComparer.Ordinal)
    {
        ["complaint"] = IntentLabel.Complaint,
        ["churn"] = IntentLabel.ChurnRisk,
        ["question"] = IntentLabel.Question,
        ["purchase"] = IntentLabel.PurchaseIntent,
        ["praise"] = IntentLabel.Praise,
        ["jobseeking"] = IntentLabel.JobSeeking,
        ["hiring"] = IntentLabel.Hiring,
        ["referral"] = IntentLabel.Referral,
    };

    [Fact]
    public void Detect_EvaluationSet_FindsEachLabelWithReasonablePrecisionAndRecall()
    {
        var set = Load();
        var detector = new RuleIntentDetector();
        var predictions = set.Select(item => detector.Detect(item.Text, "en").Select(hit => hit.Label).ToHashSet()).ToArray();

        var f1Sum = 0.0;
        var worst = 1.0;
        foreach (var label in Enum.GetValues<IntentLabel>())
        {
            int truePositives = 0, falsePositives = 0, falseNegatives = 0;
            for (var i = 0; i < set.Count; i++)
            {
                var expected = set[i].Labels.Contains(label);
                var predicted = predictions[i].Contains(label);
                truePositives += expected && predicted ? 1 : 0;
                falsePositives += !expected && predicted ? 1 : 0;
                falseNegatives += expected && !predicted ? 1 : 0;
                if (expected != predicted)
                {
                    output.WriteLine($"{(expected ? "missed" : "extra")} {label}: {set[i].Text}");
                }
            }

            var precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
            var recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            output.WriteLine($"{label}: precision {precision:F2}, recall {recall:F2}, F1 {f1:F2}");
            f1Sum += f1;
            worst = Math.Min(worst, f1);
        }

        var macroF1 = f1Sum / LabelNames.Count;
        var exact = set.Select((item, i) => item.Labels.SetEquals(predictions[i])).Count(same => same) / (double)set.Count;
        output.WriteLine($"posts: {set.Count}, macro F1: {macroF1:F3}, exact label sets: {exact:F3}");

        Assert.True(set.Count >= 90, $"The evaluation set has only {set.Count} posts.");
        Assert.True(macroF1 >= MinimumMacroF1, $"Macro F1 {macroF1:F3} is below {MinimumMacroF1}.");
        Assert.True(worst >= MinimumLabelF1, $"The weakest label has F1 {worst:F3}, below {MinimumLabelF1}.");
    }

    private static List<(HashSet<IntentLabel> Labels, string Text)> Load()
    {
        var items = new List<(HashSet<IntentLabel>, string)>();
        foreach (var line in File.ReadLines(SentimentEvaluationSet.Locate("intent-eval.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            Assert.True(fields.Length == 2, $"Malformed evaluation line: {line}");
            var labels = fields[0] == "none"
                ? []
                : fields[0].Split(',').Select(name => LabelNames[name]).ToHashSet();
            items.Add((labels, fields[1]));
        }

        return items;
    }
}
