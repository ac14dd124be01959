using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>
/// A reply created without an inbox item still becomes, when published, an outbound interaction of the person whose post
/// it answers, in that post's thread, exactly once, and resolves the open items it answers there; it goes with the person.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class PublishedReplyLinkContractTests<TStore>
    where TStore : class, IMonitroStore, IMonitroInbox, IReplyOutbox, IInteractionHistory, IPersonDataEraser
{
    private const string OurPost = "mastodon:https://example.social/users/acme/statuses/9";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(M.Epoch.AddHours(1));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>; a second call stands for a second process.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task SaveReply_PublishedWithoutItem_IsAnOutboundInteractionOfTheAnsweredAuthor_InThatPostsThread()
    {
        var store = await CreateStoreAsync();
        var root = M.Post("root", "omar", "who else uses acme?");
        var question = InThread(M.Post("1", "jane", "acme, does the export work with CSV?", minute: 5, replyToId: root.Id), root);
        await store.CommitAsync(Commit("1", root, question));

        await PublishAsync(store, Reply("r1", question.Id));

        var outbound = Assert.Single(await HistoryAsync(store), interaction => interaction.Direction == InteractionDirection.Outbound);
        Assert.Equal(Interaction.CreateId(OurPost, question.Author.IdentityKey), outbound.Id);
        Assert.Equal(question.Author.IdentityKey, outbound.PersonId);
        Assert.Equal(OurPost, outbound.PostId);
        Assert.Equal(InteractionKind.Reply, outbound.Kind);
        Assert.Equal(question.Id, outbound.InReplyToPostId);
        Assert.Equal(root.Id, outbound.ThreadId);
        Assert.Equal(Time.GetUtcNow(), outbound.OccurredAt);
    }

    [ContractFact]
    public async Task SaveReply_PublishedWithoutItem_ResolvesTheOpenItemsItAnswersInTheirThreadOnly()
    {
        var store = await CreateStoreAsync();
        var complaint = M.Post("1", "jane", "acme lost my parcel");
        var followUp = InThread(M.Post("2", "jane", "acme still nothing", minute: 10, replyToId: complaint.Id), complaint);
        var elsewhere = M.Post("3", "jane", "acme and my other order?", minute: 20);
        await store.CommitAsync(Commit("1", complaint, followUp, elsewhere) with { InboxItems = [M.Complaint(complaint), M.Complaint(elsewhere)] });

        // Answering her follow-up answers the complaint that started the thread, not her post in another thread.
        await PublishAsync(store, Reply("r1", followUp.Id));

        var answered = await store.GetItemAsync(complaint.Id);
        Assert.Equal(InboxItemState.Resolved, answered!.State);
        Assert.Equal(OurPost, answered.AnsweredByPostId);
        Assert.Equal(Time.GetUtcNow(), answered.AnsweredAt);
        Assert.Equal(InboxItemState.New, (await store.GetItemAsync(elsewhere.Id))!.State);
    }

    [ContractFact]
    public async Task SaveReply_PublishedTwiceOrReadBackBySource_RecordsOneInteraction()
    {
        var store = await CreateStoreAsync();
        var other = await CreateStoreAsync();
        var question = M.Post("1", "jane", "acme, is the shop open on sunday?");
        await store.CommitAsync(Commit("1", question));
        await store.AddReplyAsync(Reply("r1", question.Id));

        // Two processes attempt the reply (the first one's lease ran out); both get the same post back from the platform.
        var first = Assert.Single(await store.ClaimDueRepliesAsync(10, Lease));
        Time.Advance(Lease);
        var second = Assert.Single(await other.ClaimDueRepliesAsync(10, Lease));
        Assert.True(await other.SaveReplyAsync(Published(second)));
        Assert.False(await store.SaveReplyAsync(Published(first)));
        var republished = (await store.GetReplyAsync("r1"))!;
        Assert.True(await store.SaveReplyAsync(republished with { Version = republished.Version + 1, UpdatedAt = Time.GetUtcNow() }));

        // The source then reads our post back: the pipeline makes the same interaction, under the same id.
        var ours = M.Post("9", "acme", "@jane yes, 10 to 4", replyToId: question.Id) with { Id = OurPost, CreatedAt = Time.GetUtcNow() };
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Posts = [ours],
            Interactions = [M.Outbound(ours, question.Author.IdentityKey)],
            Checkpoint = new SourceCheckpoint("replay", "2"),
        });

        var outbound = Assert.Single(await HistoryAsync(store), interaction => interaction.Direction == InteractionDirection.Outbound);
        Assert.Equal(Interaction.CreateId(OurPost, question.Author.IdentityKey), outbound.Id);
    }

    [ContractFact]
    public async Task SaveReply_PublishedToAPostNobodyWasLinkedTo_IsPublishedAndLinksNobody()
    {
        var store = await CreateStoreAsync();
        var ours = M.Post("8", "acme", "our own announcement about acme");
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = [ours], Checkpoint = new SourceCheckpoint("replay", "1") });

        await PublishAsync(store, Reply("unknown", "mastodon:https://example.social/users/nobody/statuses/404"));
        await PublishAsync(store, Reply("own", ours.Id), OurPost + "0");

        Assert.Empty(await HistoryAsync(store));
        Assert.Equal(2, (await store.ListRepliesAsync(ReplyState.Published, 10)).Count);
    }

    [ContractFact]
    public async Task ForgetPerson_RemovesTheInteractionOfTheirReplyWithoutItem_AndKeepsOthers()
    {
        var store = await CreateStoreAsync();
        var jane = M.Post("1", "jane", "acme lost my parcel");
        var omar = M.Post("2", "omar", "acme lost mine too");
        await store.CommitAsync(Commit("1", jane, omar));
        await PublishAsync(store, Reply("to-jane", jane.Id));
        await PublishAsync(store, Reply("to-omar", omar.Id), OurPost + "0");

        await store.ForgetPersonAsync(jane.Author.IdentityKey);

        var left = await HistoryAsync(store);
        Assert.All(left, interaction => Assert.Equal(omar.Author.IdentityKey, interaction.PersonId));
        Assert.Equal(
            [InteractionDirection.Inbound, InteractionDirection.Outbound],
            left.Select(interaction => interaction.Direction).Order());
        Assert.Null(await store.GetReplyAsync("to-jane"));
    }

    private static Post InThread(Post post, Post root) => post with { ThreadId = root.ThreadId ?? root.Id };

    // Each post an inbound interaction in its own thread, as the pipeline records it.
    private static BatchCommit Commit(string checkpoint, params Post[] posts) => M.Batch(checkpoint, posts) with
    {
        Interactions = [.. posts.Select(post => M.Inbound(post) with { ThreadId = post.ThreadId, InReplyToPostId = post.ReplyToId })],
        Alerts = [],
    };

    private static async Task<List<Interaction>> HistoryAsync(TStore store) =>
        [.. (await store.GetInteractionsAsync(PageRequest.First)).Items.Select(recorded => recorded.Interaction)];

    private async Task PublishAsync(TStore store, Reply reply, string post = OurPost)
    {
        await store.AddReplyAsync(reply);
        var claimed = Assert.Single(await store.ClaimDueRepliesAsync(10, Lease));
        Assert.True(await store.SaveReplyAsync(Published(claimed, post)));
    }

    private Reply Reply(string id, string inReplyToPostId) => new()
    {
        Id = id,
        Platform = "mastodon",
        Account = "acme",
        InReplyToPostId = inReplyToPostId,
        Text = "thanks, we are on it",
        State = ReplyState.Queued,
        NextAttemptAt = Time.GetUtcNow(),
        QueuedAt = Time.GetUtcNow(),
        CreatedAt = Time.GetUtcNow(),
        UpdatedAt = Time.GetUtcNow(),
    };

    private Reply Published(Reply claimed, string post = OurPost) => claimed with
    {
        State = ReplyState.Published,
        PublishedPostId = post,
        PublishedUrl = new Uri("https://example.social/@acme/9"),
        PublishedAt = Time.GetUtcNow(),
        LeaseUntil = null,
        Version = claimed.Version + 1,
    };
}
