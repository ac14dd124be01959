using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

public sealed class IntentTriageTests
{
    [Theory]
    [InlineData(IntentLabel.Question, true)]
    [InlineData(IntentLabel.Complaint, true)]
    [InlineData(IntentLabel.ChurnRisk, true)]
    [InlineData(IntentLabel.PurchaseIntent, true)]
    [InlineData(IntentLabel.Praise, false)]
    [InlineData(IntentLabel.JobSeeking, false)]
    [InlineData(IntentLabel.Hiring, false)]
    [InlineData(IntentLabel.Referral, false)]
    public void NeedsResponse_Label_MatchesThePolicy(IntentLabel label, bool expected)
    {
        Assert.Equal(expected, IntentTriage.NeedsResponse(label));
        Assert.Equal(expected, IntentTriage.NeedsResponse([new IntentHit(label, "phrase", 0.9)]));
    }

    [Fact]
    public void NeedsResponse_DetectedQuestion_IsTrueAndPraiseOnlyIsFalse()
    {
        var detector = new RuleIntentDetector();

        Assert.True(IntentTriage.NeedsResponse(detector.Detect("How do I export my data?", "en")));
        Assert.False(IntentTriage.NeedsResponse(detector.Detect("Love the new editor, amazing work", "en")));
        Assert.False(IntentTriage.NeedsResponse([]));
    }

    [Fact]
    public void NeedsResponse_HitsBelowMinimumConfidence_AreIgnored()
    {
        IntentHit[] hits = [new(IntentLabel.Question, "help", 0.4), new(IntentLabel.Praise, "love", 0.9)];

        Assert.True(IntentTriage.NeedsResponse(hits));
        Assert.False(IntentTriage.NeedsResponse(hits, minimumConfidence: 0.5));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void NeedsResponse_InvalidMinimumConfidence_Throws(double minimum)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IntentTriage.NeedsResponse([], minimum));
    }

    [Fact]
    public void NeedsResponse_NullIntents_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => IntentTriage.NeedsResponse(null!));
    }
}
