using Monitro.Testing;
using static Monitro.Tests.Relationships.Interactions;

namespace Monitro.Tests.Relationships;

public sealed class RelationshipScoringTests
{
    private const string Jane = "mastodon:jane@example.social";

    [Fact]
    public void Score_OwnHistory_GivesTheSnapshotWithExplainedFactors()
    {
        var history = new List<Interaction>();
        for (var i = 0; i < 6; i++)
        {
            history.Add(Inbound(Jane, $"p{i}", i * 7, sentiment: 0.4, kind: InteractionKind.Reply));
            history.Add(Outbound(Jane, $"a{i}", (i * 7) + 0.1, $"p{i}"));
        }

        var snapshot = RelationshipScoring.Score(Person(Jane), history, TestPosts.Epoch.AddDays(40));

        Assert.Equal(Jane, snapshot.PersonId);
        Assert.Equal(6, snapshot.Inbound);
        Assert.Equal(6, snapshot.Outbound);
        Assert.InRange(snapshot.Bond, 1, 99.9);
        Assert.Equal(["volume", "reciprocity", "duration", "silence"], snapshot.BondDetail!.Factors.Select(f => f.Name));
        Assert.All(snapshot.BondDetail.Factors, f => Assert.False(string.IsNullOrWhiteSpace(f.Explanation)));
        Assert.NotNull(snapshot.ParametersHash);
    }

    [Fact]
    public void Score_CareCountsOnlyAnswersInTheItemsThread()
    {
        var question = Inbound(Jane, "q1", 0, intents: Hit(IntentLabel.Question));
        var elsewhere = Inbound(Jane, "p2", 0.01);
        var followUp = Inbound(Jane, "q1b", 0.02) with { ThreadId = "q1", InReplyToPostId = "q1" };
        var asOf = TestPosts.Epoch.AddDays(1);

        // Our reply to another post of hers does not answer the question; our reply to her follow-up in its thread does.
        var unanswered = RelationshipScoring.Score(Person(Jane), [question, elsewhere, Outbound(Jane, "a1", 0.05, "p2")], asOf);
        var answered = RelationshipScoring.Score(Person(Jane), [question, followUp, Outbound(Jane, "a2", 0.05, "q1b") with { ThreadId = "q1" }], asOf);

        Assert.Equal(1, unanswered.Care!.Factors.Single(f => f.Name == "open-items").Value);
        Assert.Equal(0, answered.Care!.Factors.Single(f => f.Name == "open-items").Value);
        Assert.Equal(72, answered.Care.Factors.Single(f => f.Name == "median-first-response-minutes").Value);
    }

    [Fact]
    public void Score_SameHistoryInAnyOrderAndTwice_GivesTheSameBond()
    {
        var history = new[] { Inbound(Jane, "p1", 0), Outbound(Jane, "a1", 1, "p1"), Inbound(Jane, "p2", 3) };
        var asOf = TestPosts.Epoch.AddDays(5);

        var once = RelationshipScoring.Score(Person(Jane), history, asOf);
        var shuffledTwice = RelationshipScoring.Score(Person(Jane), [.. history.Reverse(), .. history], asOf);

        Assert.Equal(once.Bond, shuffledTwice.Bond);
        Assert.Equal(once.Inbound, shuffledTwice.Inbound);
    }

    [Fact]
    public void Score_BalancedExchange_BeatsOneSidedContactOfTheSameVolume()
    {
        var asOf = TestPosts.Epoch.AddDays(30);
        var balanced = new List<Interaction>();
        var oneSided = new List<Interaction>();
        for (var i = 0; i < 10; i++)
        {
            balanced.Add(i % 2 == 0 ? Inbound(Jane, $"p{i}", i, kind: InteractionKind.Reply) : Outbound(Jane, $"a{i}", i));
            oneSided.Add(i < 9 ? Outbound(Jane, $"a{i}", i) : Inbound(Jane, $"p{i}", i, kind: InteractionKind.Reply));
        }

        Assert.True(RelationshipScoring.Score(Person(Jane), balanced, asOf).Bond > RelationshipScoring.Score(Person(Jane), oneSided, asOf).Bond);
    }

    [Fact]
    public void Score_InvalidOptions_ThrowsNamingTheProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => RelationshipScoring.Score(Person(Jane), [Inbound(Jane, "p1", 0)], TestPosts.Epoch, new RelationshipOptions { VolumeScale = 0 }));

        Assert.Contains("VolumeScale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NoInteractions_Throws()
    {
        Assert.Throws<ArgumentException>(() => RelationshipScoring.Score(Person(Jane), [], TestPosts.Epoch));
    }

    [Fact]
    public void Score_SharedCorrespondents_RaiseBondByTheirOverlapAndSayHowMuch()
    {
        var history = new[] { Inbound(Jane, "p1", 0, kind: InteractionKind.Reply), Outbound(Jane, "a1", 0.1, "p1"), Inbound(Jane, "p2", 20, kind: InteractionKind.Reply), Outbound(Jane, "a2", 20.1, "p2") };
        var asOf = TestPosts.Epoch.AddDays(30);
        var weights = new RelationshipOptions { SharedCorrespondentsWeight = 0.5 };

        var alone = RelationshipScoring.Score(Person(Jane), history, asOf, weights);
        var none = RelationshipScoring.Score(Person(Jane), history, asOf, weights, correspondents: new SharedCorrespondents { Shared = 0, Ours = 12, Theirs = 7 });
        var half = RelationshipScoring.Score(Person(Jane), history, asOf, weights, correspondents: new SharedCorrespondents { Shared = 6, Ours = 9, Theirs = 9 });

        // Overlap 6 / (9 + 9 − 6) = 0.5: Bond = 100 × (1 − (1 − exchange) × (1 − 0.5 × 0.5)).
        var exchange = alone.Bond / 100;
        Assert.Equal(alone.Bond, none.Bond);
        Assert.Equal(Math.Round(100 * (1 - ((1 - exchange) * 0.75)), 1), half.Bond, 0.11);
        Assert.DoesNotContain(alone.BondDetail!.Factors, f => f.Name == "shared-correspondents");
        var factor = half.BondDetail!.Factors.Single(f => f.Name == "shared-correspondents");
        Assert.Equal(0.5, factor.Value);
        Assert.Equal(0.5, factor.Weight);
        Assert.Contains("6 people both sides write with", factor.Explanation, StringComparison.Ordinal);
        Assert.Contains(alone.Bond.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), factor.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NoInteractionsButSharedCorrespondents_ScoresFromThemAlone()
    {
        var snapshot = RelationshipScoring.Score(Person(Jane), [], TestPosts.Epoch, correspondents: new SharedCorrespondents { Shared = 3, Ours = 5, Theirs = 4 });

        // Overlap 3 / (5 + 4 − 3) = 0.5, times the default weight 0.1: 5 points, and no exchange of their own.
        Assert.Equal(5, snapshot.Bond);
        Assert.Equal(0, snapshot.Inbound + snapshot.Outbound);
        Assert.Equal(0, snapshot.BondDetail!.Factors.Single(f => f.Name == "volume").Value);
    }

    [Theory]
    [InlineData(-1, 3, 3)]
    [InlineData(4, 3, 5)]
    [InlineData(2, 5, -1)]
    public void Score_InconsistentCorrespondents_ThrowsNamingThem(int shared, int ours, int theirs)
    {
        var error = Assert.Throws<ArgumentException>(() => RelationshipScoring.Score(Person(Jane), [Inbound(Jane, "p1", 0)], TestPosts.Epoch, correspondents: new SharedCorrespondents { Shared = shared, Ours = ours, Theirs = theirs }));

        Assert.Equal("correspondents", error.ParamName);
    }

    [Fact]
    public void Score_ContactInMoreMonths_GivesMoreDurationThanTheSameContactInOne()
    {
        // Eight exchanges on eight days: within one month, or one a month for eight months, at the same age from asOf
        // for the last one. The months with contact make the lasting tie, not the span alone.
        var oneMonth = new List<Interaction>();
        var eightMonths = new List<Interaction>();
        for (var i = 0; i < 8; i++)
        {
            oneMonth.Add(Inbound(Jane, $"p{i}", 220 + i, kind: InteractionKind.Reply));
            oneMonth.Add(Outbound(Jane, $"a{i}", 220 + i + 0.1, $"p{i}"));
            eightMonths.Add(Inbound(Jane, $"p{i}", i * 31, kind: InteractionKind.Reply));
            eightMonths.Add(Outbound(Jane, $"a{i}", (i * 31) + 0.1, $"p{i}"));
        }

        var asOf = TestPosts.Epoch.AddDays(230);
        var burst = RelationshipScoring.Score(Person(Jane), oneMonth, asOf).BondDetail!.Factors.Single(f => f.Name == "duration");
        var kept = RelationshipScoring.Score(Person(Jane), eightMonths, asOf).BondDetail!.Factors.Single(f => f.Name == "duration");

        Assert.True(kept.Value > burst.Value, $"duration over eight months {kept.Value} is not above one month's {burst.Value}");
        Assert.Contains("8 calendar months", kept.Explanation, StringComparison.Ordinal);
    }
}
