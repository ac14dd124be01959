using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

/// <summary>Posts of the bundled quick-start data get the intents a reader would give them.</summary>
public sealed class QuickStartIntentTests
{
    private static readonly RuleIntentDetector Detector = new();

    private static HashSet<IntentLabel> Labels(string text) => Detector.Detect(text, "en").Select(hit => hit.Label).ToHashSet();

    [Theory]
    [InlineData("we're moving the team off Tidewell at the end of the quarter. support never got back to us")]
    [InlineData("we're moving the team off tidewell at the end of the quarter. support never got back to us!")]
    [InlineData("giving Tidewell one more month. if Tidewell Sync doesn't get fixed we're gone")]
    [InlineData("giving Tidewell one more month. if the sync bugs aren't fixed we're gone!! #Tidewell")]
    public void Detect_LeavingTidewell_IsAChurnRisk(string text)
    {
        var labels = Labels(text);

        Assert.Contains(IntentLabel.ChurnRisk, labels);
        Assert.DoesNotContain(IntentLabel.Praise, labels);
    }

    [Fact]
    public void Detect_CannedAnswerLoveThatForMe_IsAComplaintNotPraise()
    {
        var labels = Labels("Tidewell support replied with a canned answer that has nothing to do with my question. love that for me");

        Assert.Contains(IntentLabel.Complaint, labels);
        Assert.DoesNotContain(IntentLabel.Praise, labels);
    }

    [Fact]
    public void Detect_OfficiallyACustomer_IsPurchaseNotComplaint()
    {
        var labels = Labels("officially a Tidewell customer now. the nonprofit discount sealed it");

        Assert.Contains(IntentLabel.PurchaseIntent, labels);
        Assert.DoesNotContain(IntentLabel.Complaint, labels);
        Assert.DoesNotContain(IntentLabel.ChurnRisk, labels);
    }

    [Fact]
    public void Detect_BugFixedInUnder48Hours_IsPraiseNotComplaint()
    {
        var labels = Labels("tidewell fixed the bug i reported in under 48 hours and emailed me personally. that's how you keep customers\n\n#productivity");

        Assert.Contains(IntentLabel.Praise, labels);
        Assert.DoesNotContain(IntentLabel.Complaint, labels);
    }
}
