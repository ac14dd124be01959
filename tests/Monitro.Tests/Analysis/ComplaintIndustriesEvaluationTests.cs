using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// Complaint detection on the project's own set in the shape of customer tweets to companies
/// (complaints-industries.tsv): 509 tweets addressed to companies across nine industries, about 60% complaints, written
/// before any rule or model was changed for it. The dev part prints its misses and is among the complaint model's
/// training posts; the frozen part prints only its figures and fails below floors set just under what was measured there
/// (see docs/analysis.md).
/// </summary>
public sealed class ComplaintIndustriesEvaluationTests(ITestOutputHelper output)
{
    private const string FileName = "complaints-industries.tsv";

    // Measured on the frozen part, complaint precision / recall / F1: with the detector of before the set 0.897 / 0.946 /
    // 0.921; with the complaint model retrained with its dev part among the training posts 0.933 / 0.913 / 0.923.
    private const double MinimumComplaintF1 = 0.90;
    private const double MinimumComplaintPrecision = 0.91;

    [Fact]
    public void Detect_DevPart_ReportsFiguresAndMisses()
    {
        var posts = IntentEvaluationSet.Load(FileName, "dev");
        var complaint = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts, IntentEvaluationSet.ComplaintLinesTo(output))[IntentLabel.Complaint];
        output.WriteLine($"{FileName} dev: {posts.Count} posts, {complaint.Expected} complaints, precision {complaint.Precision:F3}, recall {complaint.Recall:F3}, F1 {complaint.F1:F3}");

        Assert.True(posts.Count >= 300, $"The dev part has only {posts.Count} posts.");
    }

    [Fact]
    public void Detect_FrozenPart_MeetsTheFloors()
    {
        var posts = IntentEvaluationSet.Load(FileName, "test");
        var complaint = IntentEvaluationSet.Measure(new RuleIntentDetector(), posts)[IntentLabel.Complaint];
        output.WriteLine($"{FileName} frozen: {posts.Count} posts, {complaint.Expected} complaints, precision {complaint.Precision:F3}, recall {complaint.Recall:F3}, F1 {complaint.F1:F3}");

        IntentEvaluationSet.AssertComplaintFloors(posts.Count, complaint, minimumPosts: 160, MinimumComplaintF1, MinimumComplaintPrecision);
    }
}
