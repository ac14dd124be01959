using Microsoft.Extensions.DependencyInjection;
using Monitro.Testing;

namespace Monitro.Tests.Relationships;

public sealed class ConversationTests
{
    private static readonly DateTimeOffset AsOf = TestPosts.Epoch.AddDays(1);

    [Fact]
    public async Task OwnAccountAnswer_IsRecordedAsOutboundAndClosesTheOpenItem()
    {
        var question = TestPosts.Create("1", "Does acme export to CSV?", handle: "jane@example.social", mentions: ["acme@mastodon.social"]);
        var answer = TestPosts.Create("2", "@jane yes, from the board menu", handle: "acme@mastodon.social", createdAt: TestPosts.Epoch.AddMinutes(30), replyToId: question.Id);
        await using var provider = MonitroTestHost.Build(b => b.AddOwnAccount("mastodon", "acme@mastodon.social").AddSource(new InMemorySource("memory", [question, answer])));
        var monitor = provider.GetRequiredService<MentionMonitor>();

        var mentions = await monitor.ListenAllAsync();

        Assert.Equal(question.Id, Assert.Single(mentions).Post.Id);
        var interactions = provider.GetRequiredService<InMemoryMonitroStore>().Interactions.OrderBy(i => i.OccurredAt).ToList();
        Assert.Equal([InteractionDirection.Inbound, InteractionDirection.Outbound], interactions.Select(i => i.Direction));
        Assert.All(interactions, i => Assert.Equal("mastodon:jane@example.social", i.PersonId));
        Assert.True(interactions[0].NeedsResponse);
        Assert.Equal(question.Id, interactions[1].InReplyToPostId);
        var relationship = monitor.Relationships.GetRelationship("mastodon:jane@example.social", AsOf)!;
        Assert.Equal(1, relationship.Inbound);
        Assert.Equal(1, relationship.Outbound);
        Assert.Equal(0, relationship.OpenItems);
        Assert.Contains("two-way", relationship.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bond_TwoWayConversation_IsStrongerThanTheSamePostsUnanswered()
    {
        var answered = CreateScorer();
        var ignored = CreateScorer();
        var person = new Author { Platform = "mastodon", Handle = "jane" };
        for (var i = 0; i < 4; i++)
        {
            var inbound = Inbound($"p{i}", TestPosts.Epoch.AddHours(i));
            answered.Record(inbound, person);
            ignored.Record(inbound, person);
            answered.Record(inbound with { Id = $"a{i}", PostId = $"a{i}", Direction = InteractionDirection.Outbound, Kind = InteractionKind.Reply, InReplyToPostId = inbound.PostId }, person);
        }

        var twoWay = answered.GetRelationship("mastodon:jane", AsOf)!;
        var oneWay = ignored.GetRelationship("mastodon:jane", AsOf)!;

        Assert.True(twoWay.Bond > oneWay.Bond, $"{twoWay.Bond} should exceed {oneWay.Bond}");
        Assert.Contains("one-way", oneWay.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bond_DecaysWithSilenceAndTurnsDormantAfterThreeHalfLives()
    {
        var scorer = CreateScorer();
        var person = new Author { Platform = "mastodon", Handle = "jane" };
        scorer.Record(Inbound("p1", TestPosts.Epoch), person);

        var fresh = scorer.GetRelationship("mastodon:jane", TestPosts.Epoch)!;
        var month = scorer.GetRelationship("mastodon:jane", TestPosts.Epoch.AddDays(30))!;
        var quarter = scorer.GetRelationship("mastodon:jane", TestPosts.Epoch.AddDays(91))!;

        Assert.True(month.Bond < fresh.Bond);
        Assert.NotEqual("dormant", month.Band);
        Assert.Equal("dormant", quarter.Band);
    }

    [Fact]
    public void Record_SameInteractionTwice_CountsOnce()
    {
        var scorer = CreateScorer();
        var person = new Author { Platform = "mastodon", Handle = "jane" };
        var interaction = Inbound("p1", TestPosts.Epoch);

        scorer.Record(interaction, person);
        scorer.Record(interaction, person);

        Assert.Equal(1, scorer.GetRelationship("mastodon:jane", AsOf)!.Inbound);
        Assert.Null(scorer.GetRelationship("mastodon:nobody", AsOf));
    }

    private static IRelationshipScorer CreateScorer()
    {
        using var provider = new ServiceCollection().AddLogging().AddMonitro().Services.BuildServiceProvider();
        return provider.GetRequiredService<IRelationshipScorer>();
    }

    private static Interaction Inbound(string postId, DateTimeOffset at) => new()
    {
        Id = Interaction.CreateId(postId, "mastodon:jane"),
        PersonId = "mastodon:jane",
        PostId = postId,
        Kind = InteractionKind.Mention,
        Direction = InteractionDirection.Inbound,
        OccurredAt = at,
        Sentiment = -0.5,
        NeedsResponse = true,
    };
}
