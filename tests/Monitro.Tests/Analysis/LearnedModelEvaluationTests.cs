using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The learned complaint and churn models against the rules alone, on every frozen part of the project's own intent
/// sets and on the frozen part of the model's own training set (complaints-model-posts.tsv): both readings are
/// measured in the same run and printed; the frozen parts print figures only, never their posts.
/// </summary>
public sealed class LearnedModelEvaluationTests(ITestOutputHelper output)
{
    private static readonly RuleIntentDetector Rules = new(new RuleIntentDetectorOptions { UseLearnedComplaintModel = false, UseLearnedChurnModel = false });
    private static readonly RuleIntentDetector Learned = new(new RuleIntentDetectorOptions { UseLearnedComplaintModel = true, UseLearnedChurnModel = true });

    // Measured on the frozen part of complaints-model-posts.tsv with the complaint model: precision 0.934, recall 0.955,
    // F1 0.944 (the rules alone: 0.941 / 0.899 / 0.920).
    private const double MinimumComplaintF1 = 0.93;
    private const double MinimumComplaintPrecision = 0.92;

    public static TheoryData<string, string, bool> FrozenParts => new()
    {
        { "complaints-model-posts.tsv", "test", true },
        { "complaints-fresh-tweets.tsv", "test", false },
        { "complaints-varied-tweets.tsv", "test", true },
        { "intent-fresh-complaints.tsv", "test", false },
        { "intent-addressed-complaints.tsv", "test", false },
        { "intent-posts.tsv", "test", true },
    };

    [Theory]
    [MemberData(nameof(FrozenParts))]
    public void Detect_FrozenPart_ReportsRulesAndModel(string file, string split, bool annotatesChurn)
    {
        var posts = IntentEvaluationSet.Load(file, split);
        var rules = IntentEvaluationSet.Measure(Rules, posts);
        var learned = IntentEvaluationSet.Measure(Learned, posts);
        Print(file, posts.Count, IntentLabel.Complaint, rules, learned);
        if (annotatesChurn)
        {
            Print(file, posts.Count, IntentLabel.ChurnRisk, rules, learned);
        }

        Assert.True(posts.Count >= 70, $"{file} lost its frozen part.");
    }

    [Fact]
    public void Detect_ModelSetFrozenPart_MeetsTheFloors()
    {
        var posts = IntentEvaluationSet.Load("complaints-model-posts.tsv", "test");
        var complaint = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts)[IntentLabel.Complaint];
        output.WriteLine($"complaints-model-posts.tsv test, default detector: precision {complaint.Precision:F3}, recall {complaint.Recall:F3}, F1 {complaint.F1:F3}");

        IntentEvaluationSet.AssertComplaintFloors(posts.Count, complaint, minimumPosts: 200, MinimumComplaintF1, MinimumComplaintPrecision);
    }

    [Fact]
    public void Detect_IntentPostsTestSplit_KeepsTheMacroF1()
    {
        var posts = IntentEvaluationSet.Load("intent-posts.tsv", "test");
        var rules = IntentEvaluationSet.Measure(Rules, posts).Values.Average(label => label.F1);
        var learned = IntentEvaluationSet.Measure(Learned, posts).Values.Average(label => label.F1);
        output.WriteLine($"intent-posts.tsv test: macro F1 rules {rules:F3}, with the models {learned:F3}");

        Assert.True(learned >= rules - 0.005, $"The models lower the all-intent macro F1 from {rules:F3} to {learned:F3}.");
    }

    [Fact]
    public void Detect_ModelSetDevPart_ReportsFiguresAndMisses()
    {
        var posts = IntentEvaluationSet.Load("complaints-model-posts.tsv", "dev");
        var rules = IntentEvaluationSet.Measure(Rules, posts, line => output.WriteLine("rules " + line));
        foreach (var label in new[] { IntentLabel.Complaint, IntentLabel.ChurnRisk })
        {
            var f = rules[label];
            output.WriteLine($"dev part, rules alone: {label} {f.Expected}: precision {f.Precision:F3}, recall {f.Recall:F3}, F1 {f.F1:F3}");
        }

        Assert.True(posts.Count >= 400, $"The dev part has only {posts.Count} posts.");
        Assert.True(rules[IntentLabel.Complaint].Expected >= 0.4 * posts.Count, "Fewer than 40% of the dev posts are complaints.");
    }

    private void Print(string file, int count, IntentLabel label, Dictionary<IntentLabel, LabelFigures> rules, Dictionary<IntentLabel, LabelFigures> learned)
    {
        var r = rules[label];
        var l = learned[label];
        output.WriteLine($"{file}: {count} posts, {label} {r.Expected}: rules {r.Precision:F3} / {r.Recall:F3} / {r.F1:F3}, with the model {l.Precision:F3} / {l.Recall:F3} / {l.F1:F3} (precision / recall / F1)");
    }
}
