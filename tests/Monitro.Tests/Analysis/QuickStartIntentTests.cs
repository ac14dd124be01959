using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

/// <summary>Posts of the bundled quick-start data get the intents a reader would give them.</summary>
public sealed class QuickStartIntentTests
{
    private static readonly RuleIntentDetector Detector = new();

    [Theory]
    [InlineData("we're moving the team off Tidewell at the end of the quarter. support never got back to us")]
    [InlineData("we're moving the team off tidewell at the end of the quarter. support never got back to us!")]
    [InlineData("giving Tidewell one more month. if Tidewell Sync doesn't get fixed we're gone")]
    [InlineData("giving Tidewell one more month. if the sync bugs aren't fixed we're gone!! #Tidewell")]
    public void Detect_LeavingTidewell_IsAChurnRisk(string text) =>
        AssertReadAs(text, IntentLabel.ChurnRisk, IntentLabel.Praise);

    [Fact]
    public void Detect_CannedAnswerLoveThatForMe_IsAComplaintNotPraise() =>
        AssertReadAs("Tidewell support replied with a canned answer that has nothing to do with my question. love that for me", IntentLabel.Complaint, IntentLabel.Praise);

    [Fact]
    public void Detect_OfficiallyACustomer_IsPurchaseNotComplaintOrChurn() =>
        AssertReadAs("officially a Tidewell customer now. the nonprofit discount sealed it", IntentLabel.PurchaseIntent, IntentLabel.Complaint, IntentLabel.ChurnRisk);

    [Fact]
    public void Detect_BugFixedInUnder48Hours_IsPraiseNotComplaint() =>
        AssertReadAs("tidewell fixed the bug i reported in under 48 hours and emailed me personally. that's how you keep customers\n\n#productivity", IntentLabel.Praise, IntentLabel.Complaint);

    private static void AssertReadAs(string text, IntentLabel expected, params IntentLabel[] absent)
    {
        var labels = Detector.Detect(text, "en").Select(hit => hit.Label).ToHashSet();

        Assert.Contains(expected, labels);
        Assert.All(absent, label => Assert.DoesNotContain(label, labels));
    }
}
