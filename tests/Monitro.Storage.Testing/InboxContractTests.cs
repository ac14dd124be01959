using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>
/// The inbox every store keeps: items created once per post in the commit, resolved only by an answer in their
/// thread or by hand, the commands and their state rules, one <c>item.*</c> alert per change, filters and paging.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class InboxContractTests<TStore>
    where TStore : class, IMonitroStore, IMonitroInbox, IAlertOutbox, IPersonDataEraser
{
    private const string Us = "acme";

    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task Commit_ItemsOfTheBatch_AreCreatedOnceEvenWhenTheBatchIsReplayed()
    {
        var store = await CreateStoreAsync();
        var question = M.Post("1", "jane", "does acme ship to Norway?");
        var batch = Batch(question) with { InboxItems = [Item(question, InboxItemKind.Question)] };

        await store.CommitAsync(batch);
        await store.AssignAsync(question.Id, "agent-7");
        await store.CommitAsync(batch);

        var item = await store.GetItemAsync(question.Id);
        Assert.NotNull(item);
        Assert.Equal(InboxItemState.Assigned, item.State);
        Assert.Equal("agent-7", item.Assignee);
        Assert.Equal(2, item.Version);
        Assert.Equal(M.Post("1", "jane").Author.IdentityKey, item.PersonId);
        Assert.Equal([AlertKinds.ItemCreated, AlertKinds.ItemAssigned], await ItemAlertKindsAsync(store));
    }

    [ContractFact]
    public async Task Commit_InvalidItem_FailsNamingTheFieldAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var question = M.Post("1", "jane", "acme?");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.CommitAsync(Batch(question) with { InboxItems = [Item(question, InboxItemKind.Question) with { ThreadId = "" }] }).AsTask());

        Assert.Contains("InboxItems[0].ThreadId", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetItemAsync(question.Id));
        Assert.Null(await store.GetCheckpointAsync("replay"));
    }

    [ContractFact]
    public async Task Commit_OurReplyToThePost_ResolvesTheItemWithTheAnswer()
    {
        var store = await CreateStoreAsync();
        var complaint = M.Post("1", "jane", "acme lost my parcel");
        await store.CommitAsync(Batch(complaint) with { InboxItems = [Item(complaint, InboxItemKind.Complaint)] });

        var reply = Reply("2", complaint, minute: 5);
        await store.CommitAsync(Answer(reply, complaint));

        var item = await store.GetItemAsync(complaint.Id);
        Assert.Equal(InboxItemState.Resolved, item!.State);
        Assert.Equal(reply.Id, item.AnsweredByPostId);
        Assert.Equal(reply.CreatedAt, item.AnsweredAt);
        Assert.Equal([AlertKinds.ItemCreated, AlertKinds.ItemResolved], await ItemAlertKindsAsync(store));
    }

    [ContractFact]
    public async Task Commit_OurReplyToTheSamePersonLaterInTheThread_ResolvesTheItem()
    {
        var store = await CreateStoreAsync();
        var root = M.Post("1", "jane", "acme lost my parcel");
        var followUp = M.Post("2", "jane", "still nothing", minute: 3, replyToId: root.Id) with { ThreadId = root.Id };
        await store.CommitAsync(Batch(root, followUp) with { InboxItems = [Item(root, InboxItemKind.Complaint)] });

        await store.CommitAsync(Answer(Reply("3", followUp, minute: 5) with { ThreadId = root.Id }, followUp));

        Assert.Equal(InboxItemState.Resolved, (await store.GetItemAsync(root.Id))!.State);
    }

    [ContractFact]
    public async Task Commit_OurReplyElsewhere_LeavesTheItemOpen()
    {
        var store = await CreateStoreAsync();
        var complaint = M.Post("1", "jane", "acme lost my parcel");
        var otherThread = M.Post("2", "jane", "acme, nice shop", minute: 1);
        var otherPersonInThread = M.Post("3", "omar", "same here", minute: 2, replyToId: complaint.Id) with { ThreadId = complaint.Id };
        await store.CommitAsync(Batch(complaint, otherThread, otherPersonInThread) with { InboxItems = [Item(complaint, InboxItemKind.Complaint)] });

        // Ours to the same person in another thread, and ours in the thread but to another person.
        await store.CommitAsync(Answer(Reply("4", otherThread, minute: 5), otherThread));
        await store.CommitAsync(Answer(Reply("5", otherPersonInThread, minute: 6) with { ThreadId = complaint.Id }, otherPersonInThread));

        var item = await store.GetItemAsync(complaint.Id);
        Assert.Equal(InboxItemState.New, item!.State);
        Assert.Null(item.AnsweredByPostId);
        Assert.Equal([AlertKinds.ItemCreated], await ItemAlertKindsAsync(store));
    }

    [ContractFact]
    public async Task Commands_FollowTheStateRules_AndRaiseOneAlertPerChange()
    {
        var store = await CreateStoreAsync();
        var question = M.Post("1", "jane", "acme, open on sunday?");
        await store.CommitAsync(Batch(question) with { InboxItems = [Item(question, InboxItemKind.Question)] });

        Assert.Equal(InboxItemState.Assigned, (await store.AssignAsync(question.Id, "agent-1")).State);
        Assert.Equal(InboxItemState.Waiting, (await store.MarkWaitingAsync(question.Id)).State);
        Assert.Equal(InboxItemState.Resolved, (await store.ResolveAsync(question.Id)).State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AssignAsync(question.Id, "agent-2").AsTask());
        var reopened = await store.ReopenAsync(question.Id);
        Assert.Equal(InboxItemState.Assigned, reopened.State);
        Assert.Equal("agent-1", reopened.Assignee);
        var ignored = await store.IgnoreAsync(question.Id, "answered by phone");
        Assert.Equal(InboxItemState.Ignored, ignored.State);
        Assert.Equal("answered by phone", ignored.IgnoredReason);
        Assert.Equal(6, ignored.Version);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ResolveAsync(question.Id).AsTask());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.ResolveAsync("mastodon:missing").AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.IgnoreAsync(question.Id, " ").AsTask());

        Assert.Equal(
            [AlertKinds.ItemCreated, AlertKinds.ItemAssigned, AlertKinds.ItemWaiting, AlertKinds.ItemResolved, AlertKinds.ItemReopened, AlertKinds.ItemIgnored],
            await ItemAlertKindsAsync(store));
        Assert.Equivalent(ignored, await store.GetItemAsync(question.Id), strict: true);
    }

    [ContractFact]
    public async Task ListItems_FiltersAndPagesMostUrgentFirst()
    {
        var store = await CreateStoreAsync();
        var complaint = M.Post("1", "jane", "acme broke", minute: 10);
        var question = M.Post("2", "omar", "acme price?", minute: 0);
        var mention = M.Post("3", "li", "@acme hi", minute: 5);
        await store.CommitAsync(Batch(complaint, question, mention) with
        {
            InboxItems =
            [
                Item(complaint, InboxItemKind.Complaint, TimeSpan.FromHours(1)),
                Item(question, InboxItemKind.Question, TimeSpan.FromHours(4)),
                Item(mention, InboxItemKind.AddressedToUs, TimeSpan.FromHours(24)),
            ],
        });
        await store.AssignAsync(question.Id, "agent-1");

        var all = new List<string>();
        var page = new PageRequest(PageSize: 1);
        while (true)
        {
            var result = await store.ListItemsAsync(new InboxQuery(), page);
            all.AddRange(result.Items.Select(item => item.Id));
            if (!result.HasMore)
            {
                break;
            }

            page = page with { ContinuationToken = result.ContinuationToken };
        }

        Assert.Equal([complaint.Id, question.Id, mention.Id], all);
        Assert.Equal([question.Id], await IdsAsync(store, new InboxQuery { Assignee = "agent-1" }));
        Assert.Equal([complaint.Id, mention.Id], await IdsAsync(store, new InboxQuery { States = [InboxItemState.New] }));
        Assert.Equal([mention.Id], await IdsAsync(store, new InboxQuery { Kind = InboxItemKind.AddressedToUs }));
        Assert.Equal([complaint.Id, question.Id], await IdsAsync(store, new InboxQuery { DueBefore = M.Epoch.AddHours(5) }));
        Assert.Equal([question.Id, mention.Id], await IdsAsync(store, new InboxQuery { CreatedBefore = M.Epoch.AddMinutes(6) }));
        Assert.Equal([question.Id], await IdsAsync(store, new InboxQuery { PersonId = question.Author.IdentityKey }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListItemsAsync(new InboxQuery(), new PageRequest(10, "not-a-token")).AsTask());
    }

    [ContractFact]
    public async Task Items_OfARetractedPost_AreNotCreated_AndForgettingThePersonDeletesTheirs()
    {
        var store = await CreateStoreAsync();
        var retracted = M.Post("1", "jane", "acme?");
        await store.CommitAsync(Batch(retracted) with { Retractions = [retracted.Id] });
        await store.CommitAsync(Batch(retracted) with { InboxItems = [Item(retracted, InboxItemKind.Question)] });
        Assert.Null(await store.GetItemAsync(retracted.Id));

        var question = M.Post("2", "omar", "acme?");
        await store.CommitAsync(Batch(question) with { InboxItems = [Item(question, InboxItemKind.Question)] });
        await store.ForgetPersonAsync(question.Author.IdentityKey);

        Assert.Null(await store.GetItemAsync(question.Id));
        Assert.Empty((await store.ListItemsAsync(new InboxQuery(), PageRequest.First)).Items);
    }

    private static BatchCommit Batch(params Post[] posts) => M.Batch("1", posts) with { Alerts = [] };

    private static InboxItem Item(Post post, InboxItemKind kind, TimeSpan? target = null) => new()
    {
        Id = post.Id,
        PersonId = post.Author.IdentityKey,
        Source = post.Source,
        ThreadId = InboxItem.ThreadOf(post),
        Kind = kind,
        Signals = kind == InboxItemKind.Complaint ? [IntentLabel.Complaint] : [],
        CreatedAt = post.CreatedAt,
        DueAt = post.CreatedAt + (target ?? TimeSpan.FromHours(1)),
    };

    private static Post Reply(string nativeId, Post parent, int minute) =>
        M.Post(nativeId, Us, "sorry, we are on it", minute, replyToId: parent.Id);

    private static BatchCommit Answer(Post reply, Post parent) => new()
    {
        SourceName = "replay",
        Posts = [reply],
        Interactions = [M.Outbound(reply, parent.Author.IdentityKey) with { ThreadId = reply.ThreadId }],
    };

    private static async Task<List<string>> IdsAsync(TStore store, InboxQuery query) =>
        [.. (await store.ListItemsAsync(query, PageRequest.First)).Items.Select(item => item.Id)];

    // The kinds of the item alerts waiting in the outbox, oldest first.
    private static async Task<List<string>> ItemAlertKindsAsync(TStore store)
    {
        var entries = await store.ClaimDueAsync(1000, TimeSpan.FromMinutes(1));
        return [.. entries.Select(entry => entry.Alert).Where(alert => alert.Kind.StartsWith(AlertKinds.ItemPrefix, StringComparison.Ordinal))
            .OrderBy(alert => alert.Item!.Version).Select(alert => alert.Kind)];
    }
}
