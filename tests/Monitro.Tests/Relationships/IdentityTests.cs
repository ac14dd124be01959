using Microsoft.Extensions.DependencyInjection;
using Monitro.Testing;
using static Monitro.Tests.Relationships.Interactions;

namespace Monitro.Tests.Relationships;

public sealed class IdentityTests
{
    private const string Mastodon = "mastodon:jane@example.social";
    private const string Bluesky = "bluesky:jane.dev";

    [Fact]
    public void Record_MastodonVerifiedLinkToTheBlueskyHandleDomain_MergesTheIdentities()
    {
        var (scorer, provider) = RelationshipScorerTests.CreateScorer();
        scorer.Record(Inbound(Bluesky, "b1", 0, sentiment: 0.4), Person(Bluesky));
        scorer.Record(Inbound(Mastodon, "m1", 1, sentiment: 0.6), Person(Mastodon) with { VerifiedLinks = [new Uri("https://www.jane.dev/about")] });

        var viaMastodon = scorer.GetRelationship(Mastodon, TestPosts.Epoch.AddDays(1))!;
        var viaBluesky = scorer.GetRelationship(Bluesky, TestPosts.Epoch.AddDays(1))!;

        Assert.Equal(viaBluesky.PersonId, viaMastodon.PersonId);
        Assert.Equal(2, viaMastodon.Inbound);
        Assert.Equal([Bluesky, Mastodon], viaMastodon.Identities);
        Assert.Equal(Bluesky, provider.GetRequiredService<IPersonDirectory>().GetPersonId(Mastodon));
    }

    [Fact]
    public void Record_DifferentDomainsOrHostedHandles_StaySeparatePeople()
    {
        var (scorer, _) = RelationshipScorerTests.CreateScorer();
        scorer.Record(Inbound(Bluesky, "b1", 0), Person(Bluesky));
        scorer.Record(Inbound("bluesky:sam.bsky.social", "b2", 0), Person("bluesky:sam.bsky.social"));
        scorer.Record(Inbound("mastodon:sam@example.social", "m1", 0), Person("mastodon:sam@example.social") with { VerifiedLinks = [new Uri("https://bsky.social/"), new Uri("https://sam.example/")] });
        scorer.Record(Inbound("mastodon:joe@example.social", "m2", 0), Person("mastodon:joe@example.social") with { VerifiedLinks = [new Uri("https://jane.dev.example/")] });

        Assert.Equal(4, scorer.GetTop(10, TestPosts.Epoch).Count);
    }

    [Fact]
    public void Record_SameDomainWithMergingOff_KeepsTwoPeople()
    {
        var (scorer, _) = RelationshipScorerTests.CreateScorer(o => o.MergeByVerifiedDomain = false);
        scorer.Record(Inbound(Bluesky, "b1", 0), Person(Bluesky));
        scorer.Record(Inbound(Mastodon, "m1", 0), Person(Mastodon) with { VerifiedLinks = [new Uri("https://jane.dev/")] });

        Assert.Equal(2, scorer.GetTop(10, TestPosts.Epoch).Count);
    }

    [Fact]
    public void Link_ByTheUser_MergesHistoriesAndKeepsTheOldestReportedState()
    {
        var (scorer, provider) = RelationshipScorerTests.CreateScorer();
        var directory = provider.GetRequiredService<IPersonDirectory>();
        scorer.Record(Inbound("reddit:janedoe", "r1", 0, sentiment: -0.5, intents: Hit(IntentLabel.Complaint)), Person("reddit:janedoe"));
        scorer.Record(Outbound(Mastodon, "a1", 0.01), Person(Mastodon));
        Assert.Single(scorer.Advance(TestPosts.Epoch.AddMinutes(30)), t => t.Kind == RelationshipTransitionKind.NewDetractor);

        directory.Link("Reddit:JaneDoe", Mastodon);

        var merged = scorer.GetRelationship("reddit:janedoe", TestPosts.Epoch.AddDays(1))!;
        Assert.Equal(Mastodon, merged.PersonId);
        Assert.Equal(1, merged.Inbound);
        Assert.Equal(1, merged.Outbound);
        Assert.Equal([Mastodon, "reddit:janedoe"], directory.GetIdentities("reddit:janedoe"));
        Assert.DoesNotContain(scorer.Advance(TestPosts.Epoch.AddDays(1)), t => t.Kind == RelationshipTransitionKind.NewDetractor);
    }

    [Fact]
    public void LinkedIdentities_InOptions_AreOnePersonFromTheStart()
    {
        var (scorer, _) = RelationshipScorerTests.CreateScorer(o => o.LinkedIdentities.Add(new IdentityLink { First = Mastodon, Second = Bluesky }));
        scorer.Record(Inbound(Mastodon, "m1", 0), Person(Mastodon));
        scorer.Record(Inbound(Bluesky, "b1", 0), Person(Bluesky));

        Assert.Equal(2, Assert.Single(scorer.GetTop(10, TestPosts.Epoch)).Inbound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-platform")]
    [InlineData("mastodon:")]
    public void Link_MalformedIdentityKey_Throws(string key)
    {
        var (_, provider) = RelationshipScorerTests.CreateScorer();

        Assert.ThrowsAny<ArgumentException>(() => provider.GetRequiredService<IPersonDirectory>().Link(key, Mastodon));
    }
}
