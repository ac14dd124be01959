using Monitro.Analysis.Intent;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The words of a sale, an advert, a joke or a fan's praise mark a complaint part for the learned model and leave the
/// rules' score as it was: the same text with the words replaced by a word no rule knows scores the same.
/// </summary>
public sealed class ComplaintLookalikeCueTests
{
    [Theory]
    [InlineData("@Kettlebrew winter blend is back, last chance to order", "last chance", (int)ComplaintParts.Urgency)]
    [InlineData("@Pantry24 sale ends tonight, up to 40% off", "ends tonight", (int)ComplaintParts.Urgency)]
    [InlineData("@Dashbox missed parcels? introducing lockers on every street", "introducing", (int)ComplaintParts.Pitch)]
    [InlineData("@Ridgeway wet socks are a thing of the past", "a thing of the past", (int)ComplaintParts.Pitch)]
    [InlineData("@Harvesto the chilli jam wrecked me, no regrets", "no regrets", (int)ComplaintParts.Playful)]
    [InlineData("@Vexo this boss fight is brutal, send help", "send help", (int)ComplaintParts.Playful)]
    public void Detect_LookalikeWords_MarkTheirPartAndLeaveTheScore(string text, string words, int partBits)
    {
        var part = (ComplaintParts)partBits;
        var marked = Read(text);
        var plain = Read(text.Replace(words, "zorblat", StringComparison.Ordinal));

        Assert.True((marked.Parts & part) != 0, $"'{text}' does not mark {part}.");
        Assert.True((plain.Parts & part) == 0, $"'{text}' without '{words}' still marks {part}.");
        Assert.Equal(plain.ComplaintScore, marked.ComplaintScore, 9);
        Assert.Equal(plain.Parts, marked.Parts & ~part);
    }

    [Fact]
    public void Rules_ThatMarkAPart_AddNothingToTheScore() =>
        Assert.All(IntentRules.All.Where(rule => rule.Marks != ComplaintParts.None), rule => Assert.Equal(0, rule.Weight));

    private static RuleSignals Read(string text)
    {
        RuleSignals? read = null;
        var detector = new RuleIntentDetector(new RuleIntentDetectorOptions { UseLearnedComplaintModel = false, UseLearnedChurnModel = false }, (ReadOnlySpan<char> _, in RuleSignals signals) => read = signals);
        detector.Detect(text, "en");
        return Assert.NotNull(read);
    }
}
