using Microsoft.Extensions.DependencyInjection;
using Monitro.Testing;
using static Monitro.Tests.Relationships.Interactions;

namespace Monitro.Tests.Relationships;

public sealed class RelationshipScorerTests
{
    private const string Jane = "mastodon:jane@example.social";

    [Fact]
    public void Bond_TwoWayConversation_IsStrongerThanTheSamePostsUnanswered()
    {
        var (answered, _) = CreateScorer();
        var (ignored, _) = CreateScorer();
        for (var i = 0; i < 4; i++)
        {
            var inbound = Inbound(Jane, $"p{i}", i, sentiment: 0.2);
            answered.Record(inbound, Person(Jane));
            ignored.Record(inbound, Person(Jane));
            answered.Record(Outbound(Jane, $"a{i}", i + 0.01, inbound.PostId), Person(Jane));
        }

        var asOf = TestPosts.Epoch.AddDays(5);
        var twoWay = answered.GetRelationship(Jane, asOf)!;
        var oneWay = ignored.GetRelationship(Jane, asOf)!;

        Assert.True(twoWay.Bond > oneWay.Bond, $"{twoWay.Bond} should exceed {oneWay.Bond}");
        Assert.Equal(1, twoWay.BondDetail!.Factors.Single(f => f.Name == "reciprocity").Value);
        Assert.Equal(new RelationshipOptions().OneWayFactor, oneWay.BondDetail!.Factors.Single(f => f.Name == "reciprocity").Value);
    }

    [Fact]
    public void Bond_IsTheProductOfItsFactors()
    {
        var (scorer, _) = CreateScorer();
        scorer.Record(Inbound(Jane, "p1", 0), Person(Jane));
        scorer.Record(Outbound(Jane, "a1", 10), Person(Jane));

        var snapshot = scorer.GetRelationship(Jane, TestPosts.Epoch.AddDays(20))!;
        var factor = (string name) => snapshot.BondDetail!.Factors.Single(f => f.Name == name).Value;

        // Two days of one message each: their mention (weight 2) 20 days ago and our reply (3) 10 days ago, half-life 30
        // days with half lasting, volume scale 2; the quieter side's weight counts (theirs, the mention). Each side wrote on
        // one day, so the exchange is balanced; both days are in one calendar month (half credit for duration at three).
        var theirs = 2 * (0.5 + (0.5 * Math.Pow(0.5, 20.0 / 30)));
        var ours = 3 * (0.5 + (0.5 * Math.Pow(0.5, 10.0 / 30)));
        Assert.Equal(1 - (1 / Math.Sqrt(1 + (Math.Min(theirs, ours) / 2))), factor("volume"), 4);
        Assert.Equal(1, factor("reciprocity"));
        Assert.Equal(0.5 + (0.5 * 1 / (1 + 3.0)), factor("duration"), 4);
        Assert.Equal(Math.Round(100 * factor("volume") * factor("reciprocity") * factor("duration"), 1), snapshot.Bond, 1);
    }

    [Fact]
    public void Bond_SilenceForThreeHalfLives_TurnsDormantAndRaisesOneTransitionForAStrongRelationship()
    {
        // Four months of daily exchanges make a strong bond.
        var (scorer, _) = CreateScorer();
        for (var i = 0; i < 120; i++)
        {
            scorer.Record(Inbound(Jane, $"p{i}", i, sentiment: 0.5, kind: InteractionKind.Reply), Person(Jane));
            scorer.Record(Outbound(Jane, $"a{i}", i + 0.01, $"p{i}"), Person(Jane));
        }

        var lastContact = TestPosts.Epoch.AddDays(119.01);
        Assert.Equal("strong", scorer.GetRelationship(Jane, lastContact)!.Band);
        Assert.DoesNotContain(scorer.Advance(lastContact), t => t.Kind == RelationshipTransitionKind.StrongGoneDormant);

        var justBefore = lastContact.AddDays(89);
        Assert.NotEqual("dormant", scorer.GetRelationship(Jane, justBefore)!.Band);
        Assert.Empty(scorer.Advance(justBefore));

        var after = lastContact.AddDays(90.5);
        Assert.Equal("dormant", scorer.GetRelationship(Jane, after)!.Band);
        var dormant = Assert.Single(scorer.Advance(after));
        Assert.Equal(RelationshipTransitionKind.StrongGoneDormant, dormant.Kind);
        Assert.Empty(scorer.Advance(after.AddDays(30)));
    }

    [Fact]
    public void Advance_ProspectReachingTheWarmBand_RaisesProspectWarmingOnce()
    {
        var (scorer, _) = CreateScorer();
        scorer.Record(Inbound(Jane, "q1", 0, sentiment: 0.2, intents: Hit(IntentLabel.PurchaseIntent)), Person(Jane));
        var start = TestPosts.Epoch.AddMinutes(5);
        Assert.DoesNotContain(scorer.Advance(start), t => t.Kind == RelationshipTransitionKind.ProspectWarming);
        Assert.Equal("weak", scorer.GetRelationship(Jane, start)!.Band);

        // A relationship warms over days of exchanges, not within one conversation: a new one gets half the credit for duration.
        var raised = new List<RelationshipTransition>();
        for (var i = 0; i < 8; i++)
        {
            scorer.Record(Outbound(Jane, $"a{i}", 0.01 + i, "q1"), Person(Jane));
            scorer.Record(Inbound(Jane, $"r{i}", 0.02 + i, sentiment: 0.3, kind: InteractionKind.Reply), Person(Jane));
            raised.AddRange(scorer.Advance(TestPosts.Epoch.AddDays(0.03 + i)));
        }

        var warming = Assert.Single(raised, t => t.Kind == RelationshipTransitionKind.ProspectWarming);
        Assert.Contains("prospect turned warm", warming.Reason, StringComparison.Ordinal);
        Assert.Equal(RelationshipRole.Prospect, scorer.GetRelationship(Jane, TestPosts.Epoch.AddDays(7.1))!.Role);
    }

    [Fact]
    public void Advance_ChangesOlderThanTheMaximumAge_UpdateTheStateWithoutATransition()
    {
        var (scorer, _) = CreateScorer();
        scorer.Record(Inbound(Jane, "p1", 0, sentiment: -0.6, intents: Hit(IntentLabel.Complaint)), Person(Jane));

        // Replayed a week later: the complaint is old news, so neither it nor its missed target is alerted.
        Assert.Empty(scorer.Advance(TestPosts.Epoch.AddDays(7)));
        Assert.Equal(RelationshipRole.Detractor, scorer.GetRelationship(Jane, TestPosts.Epoch.AddDays(7))!.Role);

        scorer.Record(Inbound(Jane, "p2", 7, sentiment: -0.6, intents: Hit(IntentLabel.Complaint)), Person(Jane));
        var fresh = scorer.Advance(TestPosts.Epoch.AddDays(7).AddMinutes(61));
        Assert.Equal("p2|mastodon:jane@example.social", Assert.Single(fresh).TriggerId);
    }

    [Fact]
    public void Affect_UnderTwoObservations_GivesNoVerdictThenADecayedMean()
    {
        var (scorer, _) = CreateScorer();
        scorer.Record(Inbound(Jane, "p1", 0, sentiment: -0.8), Person(Jane));
        var one = scorer.GetRelationship(Jane, TestPosts.Epoch)!;
        Assert.Null(one.Affect!.Value);
        Assert.Equal(1, one.Affect.Observations);

        scorer.Record(Inbound(Jane, "p2", 30, sentiment: 0.4), Person(Jane));
        var two = scorer.GetRelationship(Jane, TestPosts.Epoch.AddDays(30))!;

        // The older post weighs half (one half-life): (−0.8 × 0.5 + 0.4) / 1.5 = 0.
        Assert.Equal(50, two.Affect!.Value);
        Assert.Equal(2, two.Affect.Observations);
    }

    [Fact]
    public void Intent_Purchase_FadesWithinTwoWeeksWhileAnOpenComplaintDoesNot()
    {
        var (scorer, _) = CreateScorer();
        scorer.Record(Inbound(Jane, "p1", 0, intents: Hit(IntentLabel.PurchaseIntent)), Person(Jane));
        scorer.Record(Inbound(Jane, "p2", 0, sentiment: -0.6, intents: Hit(IntentLabel.Complaint)), Person(Jane));

        var fresh = scorer.GetRelationship(Jane, TestPosts.Epoch)!;
        var later = scorer.GetRelationship(Jane, TestPosts.Epoch.AddDays(14))!;

        Assert.Equal(85, fresh.Intents[IntentLabel.PurchaseIntent].Value);
        Assert.Equal(85 * 0.25, later.Intents[IntentLabel.PurchaseIntent].Value!.Value, tolerance: 0.1);
        Assert.Equal(85, later.Intents[IntentLabel.Complaint].Value);
        Assert.DoesNotContain(later.Roles, role => role.Role == RelationshipRole.Prospect);
        Assert.Equal(RelationshipRole.Detractor, later.Role);
    }

    [Fact]
    public void Intent_SeveralHits_CombineAsNoisyOr()
    {
        var (scorer, _) = CreateScorer();
        scorer.Record(Inbound(Jane, "p1", 0, intents: Hit(IntentLabel.Question, 0.5)), Person(Jane));
        scorer.Record(Inbound(Jane, "p2", 0, intents: Hit(IntentLabel.Question, 0.6)), Person(Jane));

        var snapshot = scorer.GetRelationship(Jane, TestPosts.Epoch)!;

        Assert.Equal(80, snapshot.Intents[IntentLabel.Question].Value); // 1 − 0.5 × 0.4
    }

    [Fact]
    public void Care_AnsweredLateAndOpenOverdue_CountHalfAndNothing()
    {
        var (scorer, _) = CreateScorer();
        scorer.Record(Inbound(Jane, "q1", 0, intents: Hit(IntentLabel.Question)), Person(Jane));
        scorer.Record(Outbound(Jane, "a1", 0.5, "q1"), Person(Jane)); // 12 h against a 4 h target
        scorer.Record(Inbound(Jane, "q2", 1, intents: Hit(IntentLabel.Question)), Person(Jane));

        var snapshot = scorer.GetRelationship(Jane, TestPosts.Epoch.AddDays(2))!;

        Assert.Equal(25, snapshot.Care!.Value); // (0.5 + 0) / 2
        Assert.Equal(2, snapshot.Care.Factors.Single(f => f.Name == "breaches").Value);
        Assert.Equal(1, snapshot.Care.Factors.Single(f => f.Name == "open-items").Value);
        Assert.Equal(720, snapshot.Care.Factors.Single(f => f.Name == "median-first-response-minutes").Value);
        Assert.Equal(1, snapshot.OpenItems);
    }

    [Fact]
    public void Reach_RanksByFollowersButNeverChangesTheBond()
    {
        var (scorer, _) = CreateScorer();
        var quiet = "mastodon:quiet@example.social";
        var loud = "mastodon:loud@example.social";
        scorer.Record(Inbound(quiet, "p1", 0), Person(quiet) with { Followers = 10 });
        scorer.Record(Inbound(loud, "p2", 0), Person(loud) with { Followers = 100_000 });

        var q = scorer.GetRelationship(quiet, TestPosts.Epoch)!;
        var l = scorer.GetRelationship(loud, TestPosts.Epoch)!;

        Assert.Equal(q.Bond, l.Bond);
        Assert.True(l.Reach!.Value > q.Reach!.Value);
    }

    [Fact]
    public void Record_SameInteractionTwice_CountsOnce()
    {
        var (scorer, _) = CreateScorer();
        var interaction = Inbound(Jane, "p1", 0);

        scorer.Record(interaction, Person(Jane));
        scorer.Record(interaction, Person(Jane));

        Assert.Equal(1, scorer.GetRelationship(Jane, TestPosts.Epoch)!.Inbound);
        Assert.Null(scorer.GetRelationship("mastodon:nobody", TestPosts.Epoch));
    }

    [Fact]
    public void Snapshot_EchoesTheParametersAndTheirHash()
    {
        var (defaults, _) = CreateScorer();
        var (custom, _) = CreateScorer(o => o.BondHalfLife = TimeSpan.FromDays(10));
        foreach (var scorer in new[] { defaults, custom })
        {
            scorer.Record(Inbound(Jane, "p1", 0), Person(Jane));
            scorer.Record(Outbound(Jane, "a1", 0.01, "p1"), Person(Jane)); // two-way: one-way contact is no tie and scores 0
        }

        var a = defaults.GetRelationship(Jane, TestPosts.Epoch.AddDays(10))!;
        var b = custom.GetRelationship(Jane, TestPosts.Epoch.AddDays(10))!;

        Assert.Equal("30.00:00:00", a.Parameters["BondHalfLife"]);
        Assert.Equal("10.00:00:00", b.Parameters["BondHalfLife"]);
        Assert.Equal("60", a.Parameters["AdvocateAffect"]);
        Assert.NotEqual(a.ParametersHash, b.ParametersHash);
        Assert.Equal(16, a.ParametersHash!.Length);
        Assert.True(b.Bond < a.Bond);
    }

    [Fact]
    public void Talent_IsNotGuessedUnlessEmploymentInferencesAreOn()
    {
        var (off, _) = CreateScorer();
        var (on, _) = CreateScorer(o => o.EnableEmploymentInferences = true);
        var post = Inbound(Jane, "p1", 0, sentiment: 0.3, intents: Hit(IntentLabel.JobSeeking));
        off.Record(post, Person(Jane));
        on.Record(post, Person(Jane));

        Assert.DoesNotContain(off.GetRelationship(Jane, TestPosts.Epoch)!.Roles, role => role.Role == RelationshipRole.Talent);
        Assert.Equal(RelationshipRole.Talent, on.GetRelationship(Jane, TestPosts.Epoch)!.Role);
    }

    internal static (IRelationshipScorer Scorer, ServiceProvider Provider) CreateScorer(Action<RelationshipOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging().AddMonitro();
        if (configure is not null)
        {
            collection.Configure(configure);
        }

        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return (provider.GetRequiredService<IRelationshipScorer>(), provider);
    }
}
