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

    private static ChurnShape Read(string text) => ChurnStructure.Read(text.ToLowerInvariant().Replace('\u2019', '\''), text);
}
