using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>
/// The reply outbox every store keeps: a reply committed once per id, claimed under a lease that a crash lets expire,
/// changes written only over the version they were made from, and the inbox item resolved with the publication.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class ReplyOutboxContractTests<TStore>
    where TStore : class, IMonitroStore, IMonitroInbox, IReplyOutbox, IInteractionHistory, IPersonDataEraser
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>; a second call stands for a second process.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task AddReply_SameIdTwice_KeepsTheFirstAndReadsItBack()
    {
        var store = await CreateStoreAsync();
        var first = NewReply("r1", "thanks, looking into it");

        var stored = await store.AddReplyAsync(first);
        var again = await store.AddReplyAsync(first with { Text = "something else" });

        Assert.Equal(first, stored);
        Assert.Equal(first, again);
        Assert.Equal(first, await store.GetReplyAsync("r1"));
        Assert.Null(await store.GetReplyAsync("nope"));
    }

    [ContractFact]
    public async Task ListReplies_ByState_OldestFirst()
    {
        var store = await CreateStoreAsync();
        await store.AddReplyAsync(NewReply("b", "second") with { CreatedAt = Time.GetUtcNow().AddMinutes(1) });
        await store.AddReplyAsync(NewReply("a", "first"));
        await store.AddReplyAsync(NewReply("c", "waits") with { State = ReplyState.AwaitingApproval });

        Assert.Equal(["a", "b"], (await store.ListRepliesAsync(ReplyState.Queued, 10)).Select(reply => reply.Id));
        Assert.Equal(["c"], (await store.ListRepliesAsync(ReplyState.AwaitingApproval, 10)).Select(reply => reply.Id));
        Assert.Equal(["a"], (await store.ListRepliesAsync(ReplyState.Queued, 1)).Select(reply => reply.Id));
    }

    [ContractFact]
    public async Task ClaimDueReplies_TakesOnlyDueQueuedReplies_AndCountsTheAttempt()
    {
        var store = await CreateStoreAsync();
        await store.AddReplyAsync(NewReply("due", "now"));
        await store.AddReplyAsync(NewReply("later", "later") with { NextAttemptAt = Time.GetUtcNow().AddMinutes(5) });
        await store.AddReplyAsync(NewReply("approval", "waits") with { State = ReplyState.AwaitingApproval });

        var claimed = Assert.Single(await store.ClaimDueRepliesAsync(10, Lease));

        Assert.Equal("due", claimed.Id);
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal(2, claimed.Version);
        Assert.Equal(Time.GetUtcNow() + Lease, claimed.LeaseUntil);
        Assert.Equal(claimed, await store.GetReplyAsync("due"));
    }

    [ContractFact]
    public async Task ClaimDueReplies_ALeasedReply_IsNotClaimedAgainUntilTheLeaseExpires()
    {
        var store = await CreateStoreAsync();
        var other = await CreateStoreAsync();
        await store.AddReplyAsync(NewReply("r1", "hello"));

        Assert.Single(await store.ClaimDueRepliesAsync(10, Lease));
        Assert.Empty(await other.ClaimDueRepliesAsync(10, Lease));

        // The first process died holding it: once the lease ends, the second takes it, knowing one attempt began.
        Time.Advance(Lease);
        var reclaimed = Assert.Single(await other.ClaimDueRepliesAsync(10, Lease));
        Assert.Equal(2, reclaimed.Attempts);
        Assert.Equal(3, reclaimed.Version);
    }

    [ContractFact]
    public async Task SaveReply_OverAnOlderVersion_IsRefused()
    {
        var store = await CreateStoreAsync();
        await store.AddReplyAsync(NewReply("r1", "hello"));
        var first = Assert.Single(await store.ClaimDueRepliesAsync(10, Lease));
        Time.Advance(Lease);
        var second = Assert.Single(await store.ClaimDueRepliesAsync(10, Lease));

        // The stalled first attempt cannot record its outcome over the second attempt's claim.
        Assert.False(await store.SaveReplyAsync(first with { State = ReplyState.Dead, Version = first.Version + 1 }));
        Assert.True(await store.SaveReplyAsync(Published(second)));

        var stored = await store.GetReplyAsync("r1");
        Assert.Equal(ReplyState.Published, stored!.State);
        Assert.Equal("mastodon:https://example.social/users/acme/statuses/9", stored.PublishedPostId);
        Assert.Empty(await store.ClaimDueRepliesAsync(10, Lease));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.SaveReplyAsync(NewReply("nope", "x") with { Version = 2 }).AsTask());
    }

    [ContractFact]
    public async Task SaveReply_Published_ResolvesTheOpenItemItAnswers()
    {
        var store = await CreateStoreAsync();
        var complaint = M.Post("1", "jane", "acme lost my parcel");
        await store.CommitAsync(M.Batch("1", complaint) with { Alerts = [], InboxItems = [M.Complaint(complaint)] });
        await store.AddReplyAsync(NewReply("r1", "sorry, we are on it") with { InReplyToPostId = complaint.Id, ItemId = complaint.Id });
        var claimed = Assert.Single(await store.ClaimDueRepliesAsync(10, Lease));

        Assert.True(await store.SaveReplyAsync(Published(claimed)));

        var item = await store.GetItemAsync(complaint.Id);
        Assert.Equal(InboxItemState.Resolved, item!.State);
        Assert.Equal("mastodon:https://example.social/users/acme/statuses/9", item.AnsweredByPostId);
        Assert.Equal(Time.GetUtcNow(), item.AnsweredAt);
        Assert.Equal(2, item.Version);
    }

    [ContractFact]
    public async Task SaveReply_Published_IsStoredAsAnOutboundInteractionInTheItemsThread()
    {
        var store = await CreateStoreAsync();
        var complaint = M.Post("1", "jane", "acme lost my parcel");
        await store.CommitAsync(M.Batch("1", complaint) with { Alerts = [], InboxItems = [M.Complaint(complaint)] });
        await store.ResolveAsync(complaint.Id);
        await store.AddReplyAsync(NewReply("r1", "sorry, we are on it") with { InReplyToPostId = complaint.Id, ItemId = complaint.Id });
        var claimed = Assert.Single(await store.ClaimDueRepliesAsync(10, Lease));

        Assert.True(await store.SaveReplyAsync(Published(claimed)));

        var history = (await store.GetInteractionsAsync(PageRequest.First)).Items.Select(recorded => recorded.Interaction);
        var outbound = Assert.Single(history, interaction => interaction.Direction == InteractionDirection.Outbound);
        Assert.Equal(complaint.Author.IdentityKey, outbound.PersonId);
        Assert.Equal("mastodon:https://example.social/users/acme/statuses/9", outbound.PostId);
        Assert.Equal(complaint.Id, outbound.InReplyToPostId);
        Assert.Equal(InboxItem.ThreadOf(complaint), outbound.ThreadId);
        Assert.Equal(InboxItemState.Resolved, (await store.GetItemAsync(complaint.Id))!.State);
    }

    [ContractFact]
    public async Task SaveReply_Failed_IsDueAgainAtItsNextAttempt()
    {
        var store = await CreateStoreAsync();
        await store.AddReplyAsync(NewReply("r1", "hello"));
        var claimed = Assert.Single(await store.ClaimDueRepliesAsync(10, Lease));

        Assert.True(await store.SaveReplyAsync(claimed with
        {
            NextAttemptAt = Time.GetUtcNow().AddMinutes(1), LeaseUntil = null, LastError = "503", Version = claimed.Version + 1,
        }));

        Assert.Empty(await store.ClaimDueRepliesAsync(10, Lease));
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, Assert.Single(await store.ClaimDueRepliesAsync(10, Lease)).Attempts);
    }

    [ContractFact]
    public async Task ForgetPerson_RemovesTheRepliesToThemAndKeepsOthers()
    {
        var store = await CreateStoreAsync();
        var complaint = M.Post("1", "jane", "acme lost my parcel");
        var other = M.Post("2", "omar", "acme lost mine too");
        await store.CommitAsync(M.Batch("1", complaint, other) with { Alerts = [], InboxItems = [M.Complaint(complaint), M.Complaint(other)] });
        await store.AddReplyAsync(NewReply("to-jane", "sorry jane, we are on it") with { InReplyToPostId = complaint.Id, ItemId = complaint.Id });
        await store.AddReplyAsync(NewReply("to-jane-queued", "jane, one more thing") with { InReplyToPostId = complaint.Id });
        await store.AddReplyAsync(NewReply("to-omar", "sorry omar") with { InReplyToPostId = other.Id, ItemId = other.Id });
        Assert.True(await store.SaveReplyAsync(Published(Assert.Single(await store.ClaimDueRepliesAsync(1, Lease)))));

        await store.ForgetPersonAsync(complaint.Author.IdentityKey);

        Assert.Null(await store.GetReplyAsync("to-jane"));
        Assert.Null(await store.GetReplyAsync("to-jane-queued"));
        Assert.NotNull(await store.GetReplyAsync("to-omar"));
        Assert.Equal(["to-omar"], (await store.ListRepliesAsync(ReplyState.Queued, 10)).Select(reply => reply.Id));
    }

    private Reply NewReply(string id, string text) => new()
    {
        Id = id,
        Platform = "mastodon",
        Account = "acme",
        InReplyToPostId = "mastodon:https://example.social/users/jane/statuses/1",
        Text = text,
        State = ReplyState.Queued,
        NextAttemptAt = Time.GetUtcNow(),
        QueuedAt = Time.GetUtcNow(),
        CreatedAt = Time.GetUtcNow(),
        UpdatedAt = Time.GetUtcNow(),
    };

    private Reply Published(Reply claimed) => claimed with
    {
        State = ReplyState.Published,
        PublishedPostId = "mastodon:https://example.social/users/acme/statuses/9",
        PublishedUrl = new Uri("https://example.social/@acme/9"),
        PublishedAt = Time.GetUtcNow(),
        LeaseUntil = null,
        Version = claimed.Version + 1,
    };
}
