using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// One frozen set of posts to companies, measured for complaints: prints only figures (overall and per kind, for the
/// default detector and the rules alone) and fails below the set's floors or when the set lost its size or its mix.
/// </summary>
/// <param name="FileName">The set's file among the analysis sets; only its test part is read.</param>
/// <param name="MinimumPosts">The size the set was written with.</param>
/// <param name="MinimumShareOfOthers">The share of posts that are not complaints the set keeps.</param>
/// <param name="MinimumShareOfComplaints">The share of complaints the set keeps.</param>
/// <param name="MinimumPrecision">The complaint precision floor.</param>
/// <param name="MinimumF1">The complaint F1 floor.</param>
/// <param name="MaximumFalseAlarms">The most posts that are not complaints allowed to read as complaints.</param>
internal sealed record ComplaintFrozenSet(
    string FileName,
    int MinimumPosts,
    double MinimumShareOfOthers,
    double MinimumShareOfComplaints,
    double MinimumPrecision,
    double MinimumF1,
    int MaximumFalseAlarms)
{
    private static readonly RuleIntentDetector RulesAlone = new(new RuleIntentDetectorOptions { UseLearnedComplaintModel = false, UseLearnedChurnModel = false });

    /// <summary>Measures the set, prints the figures and asserts the floors.</summary>
    public void Check(ITestOutputHelper output)
    {
        var posts = IntentEvaluationSet.Load(FileName, "test");
        var complaint = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts)[IntentLabel.Complaint];
        var rules = IntentEvaluationSet.Measure(RulesAlone, posts)[IntentLabel.Complaint];
        Print(output, "default", posts.Count, complaint);
        Print(output, "rules alone", posts.Count, rules);
        foreach (var kind in posts.GroupBy(post => post.Kind))
        {
            var inKind = kind.ToList();
            var figures = IntentEvaluationSet.Measure(new RuleIntentDetector(), inKind)[IntentLabel.Complaint];
            var alone = IntentEvaluationSet.Measure(RulesAlone, inKind)[IntentLabel.Complaint];
            output.WriteLine($"{FileName} {kind.Key}: {inKind.Count} posts, {figures.Expected} complaints, found {figures.TruePositives} (rules alone {alone.TruePositives}), false alarms {figures.FalsePositives} (rules alone {alone.FalsePositives})");
        }

        var others = posts.Count - complaint.Expected;
        Assert.True(posts.Count >= MinimumPosts, $"The set has only {posts.Count} posts.");
        Assert.True(others >= MinimumShareOfOthers * posts.Count, $"Only {others} of {posts.Count} posts are not complaints.");
        Assert.True(complaint.Expected >= MinimumShareOfComplaints * posts.Count, $"Only {complaint.Expected} of {posts.Count} posts are complaints.");
        Assert.True(complaint.Precision >= MinimumPrecision, $"Complaint precision {complaint.Precision:F3} is below {MinimumPrecision}.");
        Assert.True(complaint.F1 >= MinimumF1, $"Complaint F1 {complaint.F1:F3} is below {MinimumF1}.");
        Assert.True(complaint.FalsePositives <= MaximumFalseAlarms, $"{complaint.FalsePositives} of {others} posts that are not complaints read as complaints.");
    }

    private void Print(ITestOutputHelper output, string part, int count, LabelFigures complaint) =>
        output.WriteLine($"{FileName} {part}: {count} posts, {complaint.Expected} complaints, precision {complaint.Precision:F3}, recall {complaint.Recall:F3}, F1 {complaint.F1:F3}, found {complaint.TruePositives}, false alarms {complaint.FalsePositives} of {count - complaint.Expected}");
}
