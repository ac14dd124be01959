namespace Monitro.Tests.Analysis;

/// <summary>
/// Churn said in wording no phrase list was written from: a verb of ending in any tense with what a customer ends, a
/// change of provider, a replacement found, a last time, business taken elsewhere; and what only looks like it.
/// </summary>
public sealed class ChurnPatternTests
{
    private static readonly RuleIntentDetector Detector = new();

    [Theory]
    [InlineData("stopped our Freshbox deliveries after the third rotten box")]
    [InlineData("terminated my Voltaic contract this morning")]
    [InlineData("ended my Audiora subscription, not paying for adverts")]
    [InlineData("closed my Northbank account after 12 years")]
    [InlineData("dropping my gym membership in january")]
    [InlineData("switched banks last week, should have done it years ago")]
    [InlineData("we're switching energy suppliers in the spring")]
    [InlineData("found an alternative that costs half as much")]
    [InlineData("last month with Telyra, the contract can't end soon enough")]
    [InlineData("that's the last time i order from CrumbCo")]
    [InlineData("taking my custom to the garage down the road from now on")]
    [InlineData("about to ditch Brightwave for a local provider")]
    public void Detect_ChurnInUnseenWording_IsAChurnRisk(string text) =>
        Assert.Contains(Detector.Detect(text, "en"), hit => hit.Label == IntentLabel.ChurnRisk);

    [Theory]
    [InlineData("nearly switched to Telyra but Brightwave matched the price")]
    [InlineData("not cancelling my membership, the new classes are great")]
    [InlineData("stopped at the shop on the way home")]
    [InlineData("they cancelled my subscription without telling me, please turn it back on")]
    [InlineData("the last time i ordered from them it was lovely")]
    public void Detect_ChurnLookAlike_IsNoChurnRisk(string text) =>
        Assert.DoesNotContain(Detector.Detect(text, "en"), hit => hit.Label == IntentLabel.ChurnRisk);
}
