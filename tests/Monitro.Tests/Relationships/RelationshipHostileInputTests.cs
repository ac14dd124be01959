using System.Globalization;
using Monitro.Testing;
using static Monitro.Tests.Relationships.Interactions;

namespace Monitro.Tests.Relationships;

// Histories written to break the relationship scores: moments at the ends of the calendar, a clock that goes
// backwards, every interaction at one instant, sentiments and intent confidences that are not numbers or out of range,
// a million interactions between two people, the same history in other orders. Whatever comes in, nothing throws,
// nothing is NaN, every score is in its range, the explanation adds up to the score, and the order the history
// arrives in does not matter.
public sealed class RelationshipHostileInputTests
{
    private const string Jane = "mastodon:jane@example.social";

    private static readonly DateTimeOffset Far = DateTimeOffset.MaxValue;

    private static readonly DateTimeOffset Long = DateTimeOffset.MinValue;

    public static TheoryData<string> Moments => ["min", "max", "both ends", "one instant", "clock backwards", "future"];

    public static TheoryData<double> OddNumbers => [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -double.MaxValue, 5, -5, double.Epsilon, -0.0];

    [Theory]
    [MemberData(nameof(Moments))]
    public void Score_HistoryAtTheEndsOfTime_IsInRangeAndExplained(string moments)
    {
        var (history, asOf) = AtMoments(moments);
        foreach (var at in new[] { asOf, Long, Far, TestPosts.Epoch })
        {
            AssertSane(RelationshipScoring.Score(Person(Jane), history, at), history);
        }
    }

    [Theory]
    [MemberData(nameof(OddNumbers))]
    public void Score_SentimentThatIsNotAFiniteRating_NeverGivesNaNOrAScoreOutOfRange(double sentiment)
    {
        var history = Conversation(20, i => i % 3 == 0 ? sentiment : 0.4);
        var snapshot = RelationshipScoring.Score(Person(Jane), history, TestPosts.Epoch.AddDays(30));
        AssertSane(snapshot, history);

        // Only ratings are averaged: a value that is not one counts as no sentiment, one past the scale as its end.
        var asRated = RelationshipScoring.Score(Person(Jane), Conversation(20, i => i % 3 == 0 ? Rated(sentiment) : 0.4), TestPosts.Epoch.AddDays(30));
        Assert.Equal(asRated.Affect!.Value, snapshot.Affect!.Value);
        Assert.Equal(asRated.AverageSentiment, snapshot.AverageSentiment);
    }

    [Theory]
    [MemberData(nameof(OddNumbers))]
    public void Score_IntentConfidenceThatIsNotAProbability_NeverGivesNaNOrAScoreOutOfRange(double confidence)
    {
        var labels = Enum.GetValues<IntentLabel>();
        var history = new List<Interaction>();
        for (var i = 0; i < 16; i++)
        {
            var hit = new IntentHit(labels[i % labels.Length], "phrase", i % 2 == 0 ? confidence : 0.8);
            history.Add(Inbound(Jane, $"p{i}", i, sentiment: 0.2, kind: InteractionKind.Reply, intents: hit));
            if (i % 4 == 0)
            {
                history.Add(Outbound(Jane, $"a{i}", i + 0.01, $"p{i}"));
            }
        }

        AssertSane(RelationshipScoring.Score(Person(Jane), history, TestPosts.Epoch.AddDays(20)), history);
    }

    [Fact]
    public void Score_TheSameHistoryInAnyOrder_GivesTheSameSnapshot()
    {
        // Many interactions share an instant (a burst imported at one timestamp), so any order that is not total shows.
        var random = new Random(14);
        var history = new List<Interaction>();
        for (var i = 0; i < 400; i++)
        {
            var at = random.Next(60) / 4.0;
            var labels = random.Next(4) == 0 ? new[] { Hit((IntentLabel)random.Next(8), random.NextDouble()) } : Array.Empty<IntentHit>();
            history.Add(random.Next(3) == 0
                ? Outbound(Jane, $"a{i}", at, $"p{random.Next(i + 1)}") with { ThreadId = $"p{random.Next(i + 1)}" }
                : Inbound(Jane, $"p{i}", at, sentiment: Math.Round((random.NextDouble() * 2) - 1, 3), kind: (InteractionKind)random.Next(5), intents: labels));
        }

        var asOf = TestPosts.Epoch.AddDays(20);
        var expected = Describe(RelationshipScoring.Score(Person(Jane), history, asOf));
        for (var round = 0; round < 8; round++)
        {
            var shuffled = history.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Describe(RelationshipScoring.Score(Person(Jane), shuffled, asOf)));
        }

        Assert.Equal(expected, Describe(RelationshipScoring.Score(Person(Jane), Enumerable.Reverse(history), asOf)));
    }

    [Fact]
    public void Score_AMillionInteractionsBetweenTwoPeopleNewestFirst_IsInRange()
    {
        // Newest first: recorded one by one into the timeline, each would shift all the others (10¹² moves).
        const int count = 1_000_000;
        var interactions = new Interaction[count];
        for (var i = 0; i < count; i++)
        {
            // A message a minute for about two years, every third one ours.
            var at = i / (24.0 * 60);
            interactions[i] = i % 3 == 2 ? Outbound(Jane, $"a{i}", at, $"p{i - 1}") : Inbound(Jane, $"p{i}", at, sentiment: (i % 7) / 7.0, kind: InteractionKind.Reply);
        }

        Array.Reverse(interactions);

        var snapshot = RelationshipScoring.Score(Person(Jane), interactions, TestPosts.Epoch.AddDays(800));
        AssertSane(snapshot, interactions);
        Assert.Equal(count - (count / 3), snapshot.Inbound);
        Assert.Equal(count / 3, snapshot.Outbound);
    }

    [Fact]
    public void Scorer_RecordingAtTheEndsOfTimeAndAdvancingBackwards_NeverThrows()
    {
        var (scorer, provider) = RelationshipScorerTests.CreateScorer();
        using (provider)
        {
            var people = new[] { "mastodon:min@x.social", "mastodon:max@x.social", "mastodon:both@x.social", "mastodon:odd@x.social" };
            Record(scorer, people[0], Inbound(people[0], "m1", 0) with { OccurredAt = Long }, Outbound(people[0], "m2", 0, "m1") with { OccurredAt = Long });
            Record(scorer, people[1], Inbound(people[1], "x1", 0) with { OccurredAt = Far }, Outbound(people[1], "x2", 0, "x1") with { OccurredAt = Far });
            Record(scorer, people[2], Inbound(people[2], "b1", 0, intents: Hit(IntentLabel.Complaint)) with { OccurredAt = Long }, Outbound(people[2], "b2", 0, "b1") with { OccurredAt = Far });
            Record(scorer, people[3], Inbound(people[3], "o1", 1, sentiment: double.NaN, intents: new IntentHit(IntentLabel.Question, "?", double.NaN)), Inbound(people[3], "o2", 2, sentiment: double.PositiveInfinity));

            foreach (var now in new[] { TestPosts.Epoch, Far, Long, TestPosts.Epoch.AddDays(-400), Far, TestPosts.Epoch })
            {
                foreach (var transition in scorer.Advance(now))
                {
                    Assert.False(string.IsNullOrWhiteSpace(transition.Reason));
                }

                foreach (var person in people)
                {
                    AssertSane(scorer.GetRelationship(person, now)!, evidence: null);
                }

                Assert.All(scorer.GetTop(10, now), top => AssertSane(top, evidence: null));
            }
        }
    }

    private static void Record(IRelationshipScorer scorer, string person, params Interaction[] interactions)
    {
        foreach (var interaction in interactions)
        {
            scorer.Record(interaction, Person(person));
        }
    }

    private static (List<Interaction> History, DateTimeOffset AsOf) AtMoments(string moments)
    {
        var epoch = TestPosts.Epoch;
        DateTimeOffset[] at = moments switch
        {
            "min" => [Long, Long, Long.AddTicks(1), Long.AddDays(1)],
            "max" => [Far.AddDays(-1), Far.AddTicks(-1), Far, Far],
            "both ends" => [Long, Far, Long, Far],
            "one instant" => [epoch, epoch, epoch, epoch],
            "clock backwards" => [epoch, epoch.AddDays(-1), epoch.AddDays(-30), epoch.AddYears(-500)],
            _ => [epoch.AddYears(1), epoch.AddYears(100), epoch.AddYears(7000), epoch],
        };
        var history = new List<Interaction>();
        for (var i = 0; i < at.Length; i++)
        {
            history.Add(Inbound(Jane, $"p{i}", 0, sentiment: -0.6, kind: InteractionKind.Reply, intents: Hit(IntentLabel.Complaint)) with { OccurredAt = at[i] });
            history.Add(Outbound(Jane, $"a{i}", 0, $"p{i}") with { OccurredAt = at[^(i + 1)] });
        }

        return (history, moments == "clock backwards" ? epoch.AddYears(-1000) : epoch);
    }

    private static List<Interaction> Conversation(int count, Func<int, double?> sentiment)
    {
        var history = new List<Interaction>();
        for (var i = 0; i < count; i++)
        {
            history.Add(Inbound(Jane, $"p{i}", i, sentiment: sentiment(i), kind: InteractionKind.Reply));
            history.Add(Outbound(Jane, $"a{i}", i + 0.01, $"p{i}"));
        }

        return history;
    }

    private static double? Rated(double sentiment) => double.IsNaN(sentiment) ? null : Math.Clamp(sentiment, -1, 1);

    private static void AssertSane(RelationshipSnapshot snapshot, IReadOnlyCollection<Interaction>? evidence)
    {
        Assert.InRange(snapshot.Bond, 0, 100);
        Assert.NotNull(snapshot.BondDetail);
        Assert.Equal(snapshot.Bond, snapshot.BondDetail.Value);
        AssertScore(snapshot.BondDetail);
        AssertScore(snapshot.Affect);
        AssertScore(snapshot.Care);
        AssertScore(snapshot.Reach);
        foreach (var score in snapshot.Intents.Values)
        {
            AssertScore(score);
        }

        if (snapshot.AverageSentiment is { } average)
        {
            Assert.InRange(average, -1, 1);
        }

        // The explanation adds up: Bond is the product of its three factors (each rounded to four places), the band
        // is the one its value and silence give, and the reason names the band and the counts.
        var factor = (string name) => snapshot.BondDetail.Factors.Single(f => f.Name == name).Value;
        Assert.Equal(100 * factor("volume") * factor("reciprocity") * factor("duration"), snapshot.Bond, 0.15);
        var options = new RelationshipOptions();
        var dormant = factor("silence") > options.BondHalfLife.TotalDays * options.DormantHalfLives;
        var band = dormant ? "dormant" : snapshot.Bond >= options.StrongBand ? "strong" : snapshot.Bond >= options.WarmBand ? "warm" : "weak";
        Assert.Equal(band, snapshot.Band);
        Assert.Contains($"{snapshot.Band} bond", snapshot.Reason, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"({snapshot.Inbound} in, {snapshot.Outbound} out)"), snapshot.Reason, StringComparison.Ordinal);
        if (snapshot.Affect?.Value is { } affect)
        {
            Assert.Equal(50 + (50 * snapshot.Affect.Factors.Single(f => f.Name == "mean-sentiment").Value), affect, 0.06);
        }

        Assert.True(snapshot.FirstContactAt <= snapshot.LastContactAt);
        if (evidence is not null)
        {
            var ids = evidence.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            Assert.All(snapshot.BondDetail.Evidence.Concat(snapshot.Affect?.Evidence ?? Enumerable.Empty<string>()).Concat(snapshot.Intents.Values.SelectMany(s => s.Evidence)), id => Assert.Contains(id, ids));
        }
    }

    private static void AssertScore(RelationshipScore? score)
    {
        if (score is null)
        {
            return;
        }

        if (score.Value is { } value)
        {
            Assert.True(double.IsFinite(value) && value is >= 0 and <= 100, $"value {value}");
        }

        Assert.InRange(score.Observations, 0, int.MaxValue);
        foreach (var factor in score.Factors)
        {
            Assert.True(double.IsFinite(factor.Value), $"{factor.Name} = {factor.Value}");
            Assert.False(string.IsNullOrWhiteSpace(factor.Explanation));
            Assert.DoesNotContain("NaN", factor.Explanation, StringComparison.Ordinal);
            Assert.DoesNotContain("∞", factor.Explanation, StringComparison.Ordinal);
        }
    }

    // Everything a reader of the snapshot sees, in one string; evidence as sets (their order follows the timeline's).
    private static string Describe(RelationshipSnapshot snapshot)
    {
        var culture = CultureInfo.InvariantCulture;
        var scores = new[] { ("bond", snapshot.BondDetail), ("affect", snapshot.Affect), ("care", snapshot.Care) }
            .Concat(snapshot.Intents.OrderBy(p => p.Key).Select(p => (p.Key.ToString(), (RelationshipScore?)p.Value)))
            .Select(s => string.Create(culture, $"{s.Item1}={s.Item2?.Value}/{s.Item2?.Observations}[{string.Join(",", s.Item2?.Factors.Select(f => $"{f.Name}:{f.Value.ToString("R", culture)}:{f.Explanation}") ?? Enumerable.Empty<string>())}]{{{string.Join(",", s.Item2?.Evidence.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())}}}"));
        return string.Create(culture, $"{snapshot.Bond.ToString("R", culture)} {snapshot.Band} {snapshot.AverageSentiment} {snapshot.OpenItems} {snapshot.Reason} {snapshot.Role} [{string.Join(";", snapshot.Roles.Select(r => $"{r.Role}:{r.RuleId}:{r.Reason}:{string.Join(",", r.Evidence.Order(StringComparer.Ordinal))}"))}] ") + string.Join(" ", scores);
    }
}
