using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitro.Testing;
using Monitro.Tests.Relationships;

namespace Monitro.Tests.Replies;

/// <summary>
/// A reply sent through the reply desk counts for the person it answers, with or without an inbox item: Care sees the
/// answer in the thread, the complaint's item is resolved, and a later thank-you makes the detractor a recovered one.
/// </summary>
public sealed class ReplyRelationshipTests
{
    private const string Jane = "jane@example.social";
    private static readonly string JaneId = Author.CreateIdentityKey("mastodon", Jane);
    private static readonly Post Complaint = RelationshipHarness.From(Jane, "c1", "@acme your app lost my data again, this is terrible", 0);
    private static readonly DateTimeOffset AsOf = Complaint.CreatedAt.AddMinutes(90);

    [Fact]
    public async Task ReplyWithoutItem_AnswersTheComplaintInCare_AndLetsTheDetractorRecover_AsAReplyLinkedToTheItem()
    {
        var withoutItem = await ConverseAsync(linkToItem: false);
        var withItem = await ConverseAsync(linkToItem: true);

        var snapshot = withoutItem.Relationship;
        Assert.Equal(1, snapshot.Outbound);
        Assert.Equal(1, snapshot.OpenItems); // her thank-you, addressed to us, is not answered; the complaint is
        Assert.Equal(100, snapshot.Care!.Value); // answered 30 minutes in, inside the hour a complaint is given
        Assert.Equal(30, snapshot.Care.Factors.Single(factor => factor.Name == "median-first-response-minutes").Value);
        Assert.Equal(RelationshipRole.RecoveredDetractor, snapshot.Role);
        Assert.Equal(InboxItemState.Resolved, withoutItem.Item.State);
        Assert.Equal(1, withoutItem.Recovered);

        Assert.Equal(JsonSerializer.Serialize(withItem.Relationship), JsonSerializer.Serialize(withoutItem.Relationship));
        Assert.Equal(JsonSerializer.Serialize(withItem.Item), JsonSerializer.Serialize(withoutItem.Item));
        Assert.Equal(withItem.Recovered, withoutItem.Recovered);
    }

    [Fact]
    public async Task NoReply_LeavesTheComplaintOpenPastItsTarget()
    {
        var silent = await ConverseAsync(linkToItem: null);

        Assert.Equal(0, silent.Relationship.Outbound);
        Assert.Equal(0, silent.Relationship.Care!.Value);
        Assert.Equal(RelationshipRole.Detractor, silent.Relationship.Role);
        Assert.Equal(InboxItemState.New, silent.Item.State);
        Assert.Equal(0, silent.Recovered);
    }

    // Jane complains; 30 minutes later we answer through the desk (or not); she thanks us; a restarted pipeline reads her thanks.
    private static async Task<(RelationshipSnapshot Relationship, InboxItem Item, int Recovered)> ConverseAsync(bool? linkToItem)
    {
        var time = new FakeTimeProvider(Complaint.CreatedAt.AddMinutes(1));
        var store = new InMemoryMonitroStore(time);
        var publisher = new ScriptedReplyPublisher("acme", 500);
        await using (var first = Build(store, time, new InMemorySource("first", [Complaint]), builder => builder.Services.AddSingleton<IReplyPublisher>(publisher)))
        {
            await first.GetRequiredService<MentionMonitor>().RunAsync();
            time.SetUtcNow(Complaint.CreatedAt.AddMinutes(30));
            if (linkToItem is { } link)
            {
                var desk = first.GetRequiredService<ReplyDesk>();
                await desk.CreateAsync(new ReplyDraft
                {
                    Id = "sorry",
                    Account = "acme",
                    InReplyToPostId = Complaint.Id,
                    ItemId = link ? Complaint.Id : null,
                    Text = "@jane so sorry, we restored your data from last night's backup",
                });
                Assert.Equal(1, await desk.PublishDueAsync());
            }
        }

        time.SetUtcNow(Complaint.CreatedAt.AddMinutes(46));
        var thanks = RelationshipHarness.From(Jane, "t1", "@acme thank you so much, everything is back. Great support!", 45);
        var sink = new RecordingSink();
        await using var second = Build(store, time, new InMemorySource("second", [thanks]), builder => builder.AddSink(sink));
        var monitor = second.GetRequiredService<MentionMonitor>();
        await monitor.RunAsync();

        var relationship = monitor.Relationships.GetRelationship(JaneId, AsOf) ?? throw new InvalidOperationException("No relationship with Jane.");
        var item = await store.GetItemAsync(Complaint.Id) ?? throw new InvalidOperationException("No inbox item for the complaint.");
        return (relationship, item, sink.Alerts.Count(alert => alert.Kind == AlertKinds.RelationshipDetractorRecovered));
    }

    private static ServiceProvider Build(InMemoryMonitroStore store, FakeTimeProvider time, InMemorySource source, Action<IMonitroBuilder> configure) =>
        MonitroTestHost.Build(
            builder =>
            {
                builder.Services.AddSingleton(store);
                builder.AddOwnAccount("mastodon", RelationshipHarness.OwnHandle).AddSource(source).AddReplies();
                configure(builder);
            },
            timeProvider: time);
}
