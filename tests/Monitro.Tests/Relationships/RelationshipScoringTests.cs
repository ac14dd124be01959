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
}
