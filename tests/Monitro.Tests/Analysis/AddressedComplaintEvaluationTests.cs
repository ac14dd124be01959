using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// Complaint detection on the project's own posts addressed to companies (intent-addressed-complaints.tsv), written and
/// split before the rules were changed for them. The dev split prints its misses for tuning; the frozen test split
/// prints only its figures and fails below floors set just under what was measured there (see docs/analysis.md).
/// </summary>
public sealed class AddressedComplaintEvaluationTests(ITestOutputHelper output)
{
    private const string FileName = "intent-addressed-complaints.tsv";

    // Measured on the test split: F1 0.930, precision 0.952, recall 0.909 (before the rules were changed for the set:
    // F1 0.810, precision 0.914, recall 0.727; last round 0.835, 0.943, 0.750).
    private const double MinimumComplaintF1 = 0.91;
    private const double MinimumComplaintPrecision = 0.93;

    [Fact]
    public void Detect_DevSplit_ReportsFigures()
    {
        var posts = IntentEvaluationSet.Load(FileName, "dev");
        var complaint = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts, IntentEvaluationSet.ComplaintLinesTo(output))[IntentLabel.Complaint];
        output.WriteLine($"dev: {posts.Count} posts, {complaint.Expected} complaints, precision {complaint.Precision:F3}, recall {complaint.Recall:F3}, F1 {complaint.F1:F3}");

        Assert.True(posts.Count >= 150, $"The dev split has only {posts.Count} posts.");
    }

    [Fact]
    public void Detect_TestSplit_MeetsTheFloors()
    {
        var posts = IntentEvaluationSet.Load(FileName, "test");
        var complaint = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts)[IntentLabel.Complaint];
        output.WriteLine($"test: {posts.Count} posts, {complaint.Expected} complaints, precision {complaint.Precision:F3}, recall {complaint.Recall:F3}, F1 {complaint.F1:F3}");

        IntentEvaluationSet.AssertComplaintFloors(posts.Count, complaint, minimumPosts: 75, MinimumComplaintF1, MinimumComplaintPrecision);
    }
}
