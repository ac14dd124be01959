using Xunit.Abstractions;

namespace Monitro.Tests.Relationships;

/// <summary>
/// Bond spreads over its range on a realistic population, so that it can rank people: few pairs share a value and
/// none is pinned at the top. The population is the simulated 32-person network of <see cref="BondEvaluationTests"/>
/// (a few close friends who talk often, acquaintances, one-off contacts), for three seeds.
/// </summary>
public sealed class BondSpreadTests(ITestOutputHelper output)
{
    private const int People = 32;

    // Bond is rounded to one decimal, so a 0..100 score has 1,001 possible values. Pairs with the same small history
    // (one message each way, the same number of days ago) rightly tie, so not every pair can be distinct. One-way
    // contact is no tie by default (OneWayFactor 0) and scores 0, so the spread is measured over the two-way pairs.
    // Measured on the three seeds: 38.3%–39.7% of the two-way pairs give a distinct value (223 over 562 for the first
    // seed) and the largest group of equal values holds 1.4%–4.3% of them (24 pairs on the first seed: since the volume is
    // the quieter side's, pairs whose quieter side wrote once, on a day as old, tie; 1.4%–2.1% when both sides' days were
    // summed); the limits leave room over that. When the
    // volume saturated (the real network), 80 of 992 pairs scored 99.9 or more and only 129 values were
    // distinct, which both checks reject.
    private const double MinimumDistinctShare = 0.30;
    private const double MaximumLargestTieShare = 0.05;

    // A Bond of 99.9 or more says nothing more than "a lot": no pair of a population of this size should reach it.
    private const double Saturation = 99.9;

    [Theory]
    [InlineData(20260601)]
    [InlineData(7)]
    [InlineData(424242)]
    public void Bond_RealisticPopulation_HasFewTiesAndNoSaturation(int seed)
    {
        var network = SimulatedNetwork.Generate(People, seed);
        var scored = network.Pairs
            .Where(pair => pair.Interactions.Count > 0)
            .Select(pair => (TwoWay: pair.Interactions.Any(i => i.Direction == InteractionDirection.Inbound) && pair.Interactions.Any(i => i.Direction == InteractionDirection.Outbound), RelationshipScoring.Score(pair.Other, pair.Interactions, network.AsOf).Bond))
            .ToList();
        var bonds = scored.Where(pair => pair.TwoWay).Select(pair => pair.Bond).ToList();

        var distinctShare = bonds.Distinct().Count() / (double)bonds.Count;
        var largestTie = bonds.GroupBy(bond => bond).Max(group => group.Count());
        var largestTieShare = largestTie / (double)bonds.Count;
        var saturated = bonds.Count(bond => bond >= Saturation);
        output.WriteLine($"seed {seed}: {scored.Count} pairs with messages, {bonds.Count} two-way, {bonds.Distinct().Count()} distinct values ({distinctShare:P1}), largest tie {largestTie} ({largestTieShare:P1}), at or above {Saturation}: {saturated}, max {bonds.Max():F1}");

        Assert.True(bonds.Count >= 300, $"The population has only {bonds.Count} two-way pairs.");
        Assert.All(scored.Where(pair => !pair.TwoWay), pair => Assert.Equal(0, pair.Bond));
        Assert.True(distinctShare >= MinimumDistinctShare, $"Only {distinctShare:P1} of the two-way pairs have a Bond of their own (at least {MinimumDistinctShare:P0}).");
        Assert.True(largestTieShare <= MaximumLargestTieShare, $"{largestTie} pairs ({largestTieShare:P1}) share one Bond value (at most {MaximumLargestTieShare:P0}).");
        Assert.Equal(0, saturated);
    }
}
