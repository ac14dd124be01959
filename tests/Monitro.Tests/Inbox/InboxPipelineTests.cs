using Microsoft.Extensions.DependencyInjection;
using Monitro.Testing;

namespace Monitro.Tests.Inbox;

/// <summary>The pipeline fills the inbox: one item per post that needs an answer, resolved by our answer in its thread only.</summary>
public sealed class InboxPipelineTests
{
    private const string Us = "acme@example.social";

    [Fact]
    public async Task Listen_PostsAddressedToUs_BecomeItems_AndOurReplyResolvesOnlyItsThread()
    {
        var question = TestPosts.Create("1", "@acme is the acme shop open on sunday?", mentions: ["acme"]);
        var hello = TestPosts.Create("2", "@acme hello from the other thread", createdAt: TestPosts.Epoch.AddMinutes(1), mentions: ["acme"]);
        var praise = TestPosts.Create("3", "acme is lovely", handle: "omar@example.social", createdAt: TestPosts.Epoch.AddMinutes(2));
        var ourReply = TestPosts.Create("4", "hi Jane!", handle: Us, createdAt: TestPosts.Epoch.AddMinutes(3), replyToId: hello.Id) with { ThreadId = hello.Id };
        using var provider = MonitroTestHost.Build(
            builder => builder.AddSource(new InMemorySource("memory", [question, hello, praise, ourReply])),
            options => options.OwnAccounts.Add("mastodon:" + Us));
        await provider.GetRequiredService<MentionMonitor>().ListenAllAsync();
        var inbox = provider.GetRequiredService<IMonitroInbox>();

        var items = (await inbox.ListItemsAsync(new InboxQuery(), PageRequest.First)).Items;

        Assert.Equal([question.Id, hello.Id], items.Select(item => item.Id).Order(StringComparer.Ordinal));
        var open = items.Single(item => item.Id == question.Id);
        Assert.Equal((InboxItemState.New, InboxItemKind.Question), (open.State, open.Kind));
        Assert.Equal(question.CreatedAt + new RelationshipOptions().QuestionResponseTarget, open.DueAt);
        var answered = items.Single(item => item.Id == hello.Id);
        Assert.Equal((InboxItemState.Resolved, InboxItemKind.AddressedToUs, ourReply.Id), (answered.State, answered.Kind, answered.AnsweredByPostId));
    }

    [Fact]
    public async Task Listen_TheSamePostTwice_MakesOneItem()
    {
        var question = TestPosts.Create("1", "@acme where is my acme order?", mentions: ["acme"]);
        using var provider = MonitroTestHost.Build(
            builder => builder.AddSource(new InMemorySource("memory", [question, question])),
            options => options.OwnAccounts.Add("mastodon:" + Us));
        await provider.GetRequiredService<MentionMonitor>().ListenAllAsync();

        var items = (await provider.GetRequiredService<IMonitroInbox>().ListItemsAsync(new InboxQuery(), PageRequest.First)).Items;

        Assert.Equal(question.Id, Assert.Single(items).Id);
    }
}
