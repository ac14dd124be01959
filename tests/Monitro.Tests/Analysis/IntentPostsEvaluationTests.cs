using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The detector on the project's own 1,019 intent posts (intent-posts.tsv). Floors apply to the frozen test split,
/// set a little under the figures measured there (see docs/analysis.md); the dev split is reported only.
/// </summary>
public sealed class IntentPostsEvaluationTests(ITestOutputHelper output)
{
    private const string FileName = "intent-posts.tsv";

    [Fact]
    public void Detect_DevSplit_ReportsFigures()
    {
        var figures = IntentEvaluationSet.Measure(new RuleIntentDetector(), IntentEvaluationSet.Load(FileName, "dev"), output.WriteLine);

        Assert.True(figures[IntentLabel.Complaint].Expected >= 250, "The dev split lost its complaints.");
    }

    [Fact]
    public void Detect_TestSplit_ReportsFigures()
    {
        var figures = IntentEvaluationSet.Measure(new RuleIntentDetector(), IntentEvaluationSet.Load(FileName, "test"), output.WriteLine);

        Assert.True(figures[IntentLabel.Complaint].Expected >= 120, "The test split lost its complaints.");
    }
}
