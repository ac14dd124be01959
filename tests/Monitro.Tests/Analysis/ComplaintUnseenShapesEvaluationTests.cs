using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>
/// Complaint precision and recall on posts to companies in shapes no rule or training post was chosen for
/// (complaints-unseen-shapes.tsv): 315 posts in nine industries, 195 of them not complaints — giveaways and promotions,
/// news and retweets, jokes with a brand, fans, questions that ask (how to complain or get a refund among them), replies
/// that close a problem, suggestions and chatter — and 120 complaints in the failure classes of real complaints (asked
/// as questions, told with time and expectation, sarcasm, past tense with a negation, a grievance inside a joke, a
/// giveaway or a retweet). Written before any rule or model was changed for it, frozen as a whole and never trained on:
/// the test prints only figures (overall and per kind, for the default detector and the rules alone) and fails below
/// floors set just under what was measured (see docs/analysis.md).
/// </summary>
public sealed class ComplaintUnseenShapesEvaluationTests(ITestOutputHelper output)
{
    // Measured, default detector, complaint precision / recall / F1 and false alarms of 195 non-complaints:
    // before any change for it 0.715 / 0.858 / 0.780, 41 of 195 (rules alone 0.759 / 0.867 / 0.809, 33 of 195; jokes
    // with a brand 21 of 30, giveaways 7 of 30, fans 7 of 30); with the complaint model reading a complaint's parts and
    // retrained with the company-shapes training posts 0.803 / 0.850 / 0.826, 25 of 195; with the look-alike parts and
    // training posts 0.831 / 0.858 / 0.844, 21 of 195 (jokes 11, giveaways 6, fans 3).
    private static readonly ComplaintFrozenSet Set = new(
        "complaints-unseen-shapes.tsv", MinimumPosts: 300, MinimumShareOfOthers: 0.5, MinimumShareOfComplaints: 0,
        MinimumPrecision: 0.81, MinimumF1: 0.83, MaximumFalseAlarms: 23);

    [Fact]
    public void Detect_FrozenSet_MeetsTheFloors() => Set.Check(output);
}
