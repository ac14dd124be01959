using Xunit.Abstractions;

namespace Monitro.Tests.Relationships;

/// <summary>
/// Bond against the closeness of a simulated 32-person network (992 ordered pairs), next to the raw number of
/// messages measured in the same run. The network is synthetic (see <see cref="SimulatedNetwork"/>); floors are set a
/// little under the figures measured on it (see docs/relationships.md).
/// </summary>
public sealed class BondEvaluationTests(ITestOutputHelper output)
{
    private const int People = 32;
    private const int Seed = 20260601;
    // Measured: Spearman 0.752 and AUC 0.996 (message count 0.734 and 0.959 in the same run).
    private const double MinimumSpearman = 0.70;
    private const double MinimumAuc = 0.95;

    [Fact]
    public void Bond_SimulatedNetwork_RanksClosenessBetterThanMessageCount()
    {
        var network = SimulatedNetwork.Generate(People, Seed);
        var bonds = new List<double>();
        var previous = new List<double>();
        var counts = new List<double>();
        foreach (var pair in network.Pairs)
        {
            counts.Add(pair.Interactions.Count);
            bonds.Add(pair.Interactions.Count == 0 ? 0 : RelationshipScoring.Score(pair.Other, pair.Interactions, network.AsOf).Bond);
            previous.Add(PreviousBond(pair.Interactions, network.AsOf));
        }

        var ratings = network.Pairs.Select(pair => pair.Rating).ToArray();
        var friends = network.Pairs.Select(pair => pair.Closeness >= SimulatedNetwork.Friend).ToArray();
        var bondSpearman = RankMetrics.Spearman(bonds, ratings);
        var countSpearman = RankMetrics.Spearman(counts, ratings);
        var bondAuc = RankMetrics.Auc(bonds, friends);
        var countAuc = RankMetrics.Auc(counts, friends);
        var distinct = bonds.Distinct().Count();
        var saturated = bonds.Count(bond => bond >= 99.9);
        output.WriteLine($"pairs {network.Pairs.Count}, friends {friends.Count(f => f)}, with messages {counts.Count(c => c > 0)}");
        output.WriteLine($"Spearman: Bond {bondSpearman:F3}, message count {countSpearman:F3}");
        output.WriteLine($"AUC friends: Bond {bondAuc:F3}, message count {countAuc:F3}");
        output.WriteLine($"distinct Bond values {distinct}, Bond >= 99.9: {saturated}");
        foreach (var lasting in new[] { 0.0, 0.1, 0.25, 0.5 })
        {
            var options = new RelationshipOptions { LastingShare = lasting };
            var variant = network.Pairs.Select(pair => pair.Interactions.Count == 0 ? 0 : RelationshipScoring.Score(pair.Other, pair.Interactions, network.AsOf, options).Bond).ToArray();
            output.WriteLine($"LastingShare {lasting}: Spearman {RankMetrics.Spearman(variant, ratings):F3}, AUC {RankMetrics.Auc(variant, friends):F3}");
        }

        // The reciprocity of one-way contact: 0 (the default, no tie), or a share of the volume (0.3 until this was measured).
        foreach (var oneWay in new[] { 0.0, 0.1, 0.3 })
        {
            var options = new RelationshipOptions { OneWayFactor = oneWay };
            var variant = network.Pairs.Select(pair => pair.Interactions.Count == 0 ? 0 : RelationshipScoring.Score(pair.Other, pair.Interactions, network.AsOf, options).Bond).ToArray();
            output.WriteLine($"OneWayFactor {oneWay}: Spearman {RankMetrics.Spearman(variant, ratings):F3}, AUC {RankMetrics.Auc(variant, friends):F3}");
        }

        output.WriteLine($"previous Bond: Spearman {RankMetrics.Spearman(previous, ratings):F3}, AUC {RankMetrics.Auc(previous, friends):F3}, distinct {previous.Distinct().Count()}, >= 99.9: {previous.Count(bond => bond >= 99.9)}");

        Assert.True(bondSpearman > countSpearman, $"Bond Spearman {bondSpearman:F3} does not beat the message count {countSpearman:F3}.");
        Assert.True(bondAuc > countAuc, $"Bond AUC {bondAuc:F3} does not beat the message count {countAuc:F3}.");
        Assert.True(bondSpearman >= MinimumSpearman, $"Bond Spearman {bondSpearman:F3} is below {MinimumSpearman}.");
        Assert.True(bondAuc >= MinimumAuc, $"Bond AUC {bondAuc:F3} is below {MinimumAuc}.");
        Assert.Equal(0, saturated);
    }

    // The Bond formula before its volume stopped saturating, as a baseline in the same run: 100 × (1 − exp(−weight / 10))
    // × (0.6 + 0.4 × min(1, 2 × out / in)) × (0.8 + 0.2 × min(1, span / 90 d)), with the default weights and half-life.
    private static double PreviousBond(IReadOnlyList<Interaction> interactions, DateTimeOffset asOf)
    {
        if (interactions.Count == 0)
        {
            return 0;
        }

        var weight = interactions.Sum(i => (i.Kind is InteractionKind.Reply or InteractionKind.DirectMessage ? 3 : 2) * Math.Pow(0.5, (asOf - i.OccurredAt).TotalDays / 30));
        var inbound = interactions.Count(i => i.Direction == InteractionDirection.Inbound);
        var outbound = interactions.Count - inbound;
        var reciprocity = inbound > 0 && outbound > 0 ? 0.6 + (0.4 * Math.Min(1.0, 2.0 * outbound / inbound)) : 0.6;
        var span = interactions.Max(i => i.OccurredAt) - interactions.Min(i => i.OccurredAt);
        var duration = 0.8 + (0.2 * Math.Min(1, span.TotalDays / 90));
        return Math.Round(100 * (1 - Math.Exp(-weight / 10)) * reciprocity * duration, 1);
    }
}
