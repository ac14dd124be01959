using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

/// <summary>
/// Complaints told by the facts of a product alone, with no word of feeling; and the texts with a complaint's words
/// that are none: news of an outage passed on, and plans between friends.
/// </summary>
public sealed class ProductFactTests
{
    private static readonly RuleIntentDetector Detector = new();

    private static bool IsComplaint(string text) => Detector.Detect(text, "en").Any(hit => hit.Label == IntentLabel.Complaint);

    [Theory]
    [InlineData("@Tacorama the burrito was 80% rice")]
    [InlineData("@Tacorama the bowl was half lettuce")]
    [InlineData("@Tacorama ordered chicken, got beef")]
    [InlineData("@Rosemere the bed was a sofa bed. we booked a king")]
    [InlineData("@Covenly quote online £410, phone price £530. same details")]
    [InlineData("@Emberline direct debit went from 98 to 247 this month")]
    [InlineData("@Vistaplay the app logs me out every 5 min")]
    [InlineData("@Rosemere check in at 3pm, room ready at 6:40pm")]
    [InlineData("@Rosemere mould in the bathroom")]
    [InlineData("@Vistaplay paying for HD, picture looks like a potato")]
    public void Detect_ProductFactToldToACompany_IsAComplaint(string text) => Assert.True(IsComplaint(text), text);

    [Theory]
    [InlineData("@Tacorama is the lunch deal half price on mondays?")]
    [InlineData("@Tacorama everything is 50% off today, see you there")]
    [InlineData("Emberline reports an outage affecting about 1,200 homes in Westfield, engineers on site")]
    [InlineData("Vistaplay is down for some users in Europe, the company says it's working on it")]
    [InlineData("@chrisdee the power's out in our whole road again, come round if yours is on")]
    public void Detect_FactsNewsAndPlansThatAreNoComplaint_FindsNoComplaint(string text) => Assert.False(IsComplaint(text), text);

    [Theory]
    [InlineData("@Rosemere we won't be back. the room was filthy")]
    [InlineData("@Vistaplay we'll keep it until the show ends and then we're off")]
    [InlineData("@Pebble my contract ends in march and I'm going to leave")]
    [InlineData("@Emberline moving to Solwise next month, sending you the final reading now")]
    public void Detect_LeavingToldPlainly_IsAChurnRisk(string text) =>
        Assert.Contains(Detector.Detect(text, "en"), hit => hit.Label == IntentLabel.ChurnRisk);

    [Theory]
    [InlineData("@Rosemere how do I cancel a booking?")]
    [InlineData("@Aerolark how do I cancel my flight and get the taxes back?")]
    public void Detect_CancellingABookingOrMovingHouse_IsNoChurnRisk(string text) =>
        Assert.DoesNotContain(Detector.Detect(text, "en"), hit => hit.Label == IntentLabel.ChurnRisk);

    // The rules read moving house as no churn; the learned churn model (on by default) reads "moving to" a place as
    // leaving (a limit documented in docs/analysis.md).
    [Fact]
    public void Detect_MovingHouseRulesAlone_IsNoChurnRisk()
    {
        var rules = new RuleIntentDetector(new RuleIntentDetectorOptions { UseLearnedChurnModel = false });

        Assert.DoesNotContain(rules.Detect("we're moving to London next year", "en"), hit => hit.Label == IntentLabel.ChurnRisk);
    }
}
