using Monitro.Analysis;
using Monitro.Analysis.Intent;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The shape of a relationship ending (<see cref="ChurnStructure"/>): an ending act × a provider × the speaker's own
/// account, and the endings that are someone else's, of something else, or taken back.
/// </summary>
public sealed class ChurnStructureTests
{
    private static readonly RuleIntentDetector RulesAlone = new(new RuleIntentDetectorOptions { UseLearnedComplaintModel = false, UseLearnedChurnModel = false });

    [Theory]
    [InlineData("cancelling my Streamora sub tonight", "cancelling")]
    [InlineData("we're not renewing with Slatebox next quarter", "renewing")]
    [InlineData("@Flixo cancelled. adverts on a paid plan is a joke", "cancelled")]
    public void Read_SpeakerEndsAProvider_FindsTheEnding(string text, string ending)
    {
        var shape = Read(text);

        Assert.True(shape.Found);
        Assert.Equal(ending, text[shape.Start..shape.End]);
    }

    [Fact]
    public void Read_AnOrderCancelled_IsTheEndOfSomethingElse()
    {
        var shape = Read("I cancelled my Grubbr order because the restaurant was out of everything");

        Assert.False(shape.Found);
        Assert.True(shape.SomethingElse);
    }

    [Fact]
    public void Read_AnEndingDoneToTheSpeaker_IsSomeoneElses()
    {
        var shape = Read("@Forgefit the class I booked was cancelled with 10 minutes notice");

        Assert.False(shape.Found);
        Assert.True(shape.SomeoneElse);
    }

    [Fact]
    public void Read_ANegatedEnding_IsStaying()
    {
        var shape = Read("not cancelling Streamora, don't worry, I just complained about the price");

        Assert.False(shape.Found);
        Assert.True(shape.Staying);
    }

    [Theory]
    [InlineData("my sister is leaving Mobix for a job in Dubai lol")]
    [InlineData("cancelled my netflix party, nobody could come")]
    [InlineData("nearly cancelled my Fitloop membership then the new trainer started. staying")]
    public void Detect_PhrasesOfEndingThatTheShapeReadsOtherwise_AreNoChurn(string text)
    {
        Assert.DoesNotContain(RulesAlone.Detect(text, "en"), hit => hit.Label == IntentLabel.ChurnRisk);
    }

    [Theory]
    [InlineData("switched to @Orbitel last month, so far so good")]
    [InlineData("moving over to @Lumo_Bank. anything I should know about standing orders?")]
    [InlineData("ported my number to @Nuvo_Mobile this morning, smooth as anything")]
    public void Read_AChangeToldToTheCompanyJoined_IsNoEnding(string text)
    {
        var shape = Read(text);

        Assert.False(shape.Found);
        Assert.True(shape.Joined);
    }

    [Theory]
    [InlineData("switched to @Orbitel from Telyra and my bill halved", "switched")]
    [InlineData("@Telyra switched to @Orbitel, bye", "switched")]
    [InlineData("after 11 years im moving my number to Sparkline", "moving")]
    public void Read_AChangeThatNamesTheCompanyLeft_IsAnEnding(string text, string ending)
    {
        var shape = Read(text);

        Assert.True(shape.Found);
        Assert.Equal(ending, text[shape.Start..shape.End]);
    }

    [Theory]
    [InlineData("@Orbitel switched my plan to the 30GB one, how long before it kicks in?")]
    [InlineData("switching to decaf after 4pm")]
    [InlineData("@Orbitel I moved to a new flat, can you send a new router there?")]
    public void Read_AChangeOfSomethingElse_IsTheEndOfSomethingElse(string text)
    {
        var shape = Read(text);

        Assert.False(shape.Found);
        Assert.True(shape.SomethingElse);
    }

    [Theory]
    [InlineData("we're moving to Leeds next month")]
    [InlineData("@Swiftpost the parcel hasn't moved in a week")]
    public void Read_MovingHouseOrAParcel_SaysNothing(string text)
    {
        var shape = Read(text);

        Assert.False(shape.Found || shape.Staying || shape.SomeoneElse || shape.Joined);
    }

    [Theory]
    [InlineData("@Grubbr not ordering again. not today, not ever", "ordering")]
    [InlineData("@Pixelon the update bricked my tablet. never buying your stuff again", "buying")]
    [InlineData("@Crestline you won't see my money again", "see")]
    [InlineData("not giving @Orbitel another penny after the way they handled the move", "giving")]
    public void Read_CustomRefusedForGood_IsAnEnding(string text, string ending)
    {
        var shape = Read(text);

        Assert.True(shape.Found);
        Assert.Equal(ending, text[shape.Start..shape.End]);
    }

    [Theory]
    [InlineData("@Brewhaus I order the same latte every morning")]
    [InlineData("I didn't order this, @Grubbr")]
    [InlineData("never again will I buy supermarket bread, @Crumbly forever")]
    public void Read_CustomNotRefusedForGood_IsNoEnding(string text)
    {
        Assert.False(Read(text).Found);
    }

    [Fact]
    public void Detect_YouCanKeepYourPoints_IsChurnNotStaying()
    {
        var shape = Read("Marketly you can keep your loyalty points, I'm done shopping there");

        Assert.False(shape.Staying);
        Assert.Contains(RulesAlone.Detect("Marketly you can keep your loyalty points, I'm done shopping there", "en"), hit => hit.Label == IntentLabel.ChurnRisk);
    }

    [Theory]
    [InlineData("switched to @Orbitel last month, so far so good")]
    [InlineData("just switched to @Grubbr, how do the promo codes work?")]
    [InlineData("never again will I doubt you @Kitto, the sync saved my thesis")]
    public void Detect_TheCompanyJoinedOrAChangeOfHeart_IsNoChurn(string text)
    {
        Assert.DoesNotContain(RulesAlone.Detect(text, "en"), hit => hit.Label == IntentLabel.ChurnRisk);
    }

    private static ChurnShape Read(string text) => ChurnStructure.Read(text.ToLowerInvariant().Replace('\u2019', '\''), text);
}
