using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitro.Replies;

namespace Monitro.Tests.Replies;

public sealed class ReplyDeskTests
{
    private const string Parent = "mastodon:https://example.social/users/jane/statuses/1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMonitroStore _store;

    public ReplyDeskTests() => _store = new InMemoryMonitroStore(_time);

    [Fact]
    public async Task Create_TooLong_IsRefusedWithTheLimitAndNothingIsCommitted()
    {
        var desk = Desk(new ScriptedReplyPublisher("acme", 10));

        var error = await Assert.ThrowsAsync<ReplyTooLongException>(() => desk.CreateAsync(Draft("eleven char")).AsTask());

        Assert.Equal(11, error.Length);
        Assert.Equal(10, error.Limit!.MaxLength);
        Assert.Contains("at most 10", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.ListRepliesAsync(ReplyState.Queued, 10));
    }

    [Fact]
    public async Task Create_UnknownAccountOrOtherPlatform_IsRefused()
    {
        var desk = Desk(new ScriptedReplyPublisher("acme", 500));

        await Assert.ThrowsAsync<ArgumentException>(() => desk.CreateAsync(Draft("hi") with { Account = "other" }).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => desk.CreateAsync(Draft("hi") with { InReplyToPostId = "reddit:t1_x" }).AsTask());
    }

    [Fact]
    public async Task Create_SameIdTwice_CommitsOneReply()
    {
        var publisher = new ScriptedReplyPublisher("acme", 500);
        var desk = Desk(publisher);

        var first = await desk.CreateAsync(Draft("hi") with { Id = "client-1" });
        var second = await desk.CreateAsync(Draft("hi again") with { Id = "client-1" });
        await desk.PublishDueAsync();

        Assert.Equal(first, second);
        Assert.Single(publisher.Attempts);
    }

    [Fact]
    public async Task ApprovalRequired_ReplyWaitsUntilApproved_ThenIsPublishedOnce()
    {
        var publisher = new ScriptedReplyPublisher("acme", 500);
        var desk = Desk(publisher, options => options.ApprovalRequired.Add("acme"));

        var reply = await desk.CreateAsync(Draft("we are sorry"));
        Assert.Equal(ReplyState.AwaitingApproval, reply.State);
        Assert.Equal(0, await desk.PublishDueAsync());
        Assert.Empty(publisher.Attempts);

        var approved = await desk.ApproveAsync(reply.Id, "lead-1");
        Assert.Equal(ReplyState.Queued, approved.State);
        Assert.Equal(1, await desk.PublishDueAsync());

        var published = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Published, published!.State);
        Assert.Equal("lead-1", published.ApprovedBy);
        Assert.Single(publisher.Attempts);
        await Assert.ThrowsAsync<InvalidOperationException>(() => desk.ApproveAsync(reply.Id, "lead-1").AsTask());
    }

    [Fact]
    public async Task Rejected_IsNeverSent()
    {
        var publisher = new ScriptedReplyPublisher("acme", 500);
        var desk = Desk(publisher, options => options.ApprovalRequired.Add("acme"));
        var reply = await desk.CreateAsync(Draft("hmm"));

        var rejected = await desk.RejectAsync(reply.Id, "lead-1", "tone");

        Assert.Equal(ReplyState.Rejected, rejected.State);
        Assert.Equal(0, await desk.PublishDueAsync());
        Assert.Empty(publisher.Attempts);
    }

    [Fact]
    public async Task ServerError_ThenSuccess_PublishesOnTheSecondAttempt()
    {
        var publisher = new ScriptedReplyPublisher("acme", 500, new ReplyPublishException("500") { StatusCode = 500 }, null);
        var desk = Desk(publisher);
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();
        var failed = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Queued, failed!.State);
        Assert.Contains("500", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await desk.PublishDueAsync());

        _time.Advance(failed.NextAttemptAt - _time.GetUtcNow());
        await desk.PublishDueAsync();

        Assert.Equal(ReplyState.Published, (await desk.GetAsync(reply.Id))!.State);
        Assert.Equal([1, 2], publisher.Attempts.Select(attempt => attempt.Attempts));
    }

    [Fact]
    public async Task RetryAfter_IsHonoured()
    {
        var publisher = new ScriptedReplyPublisher("acme", 500, new ReplyPublishException("429") { StatusCode = 429, RetryAfter = TimeSpan.FromMinutes(7) });
        var desk = Desk(publisher);
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();

        Assert.True((await desk.GetAsync(reply.Id))!.NextAttemptAt >= _time.GetUtcNow().AddMinutes(7));
    }

    [Fact]
    public async Task Permanent_GoesDeadAtOnce()
    {
        var publisher = new ScriptedReplyPublisher("acme", 500, new ReplyPublishException("401: the token was refused") { StatusCode = 401, IsPermanent = true });
        var desk = Desk(publisher);
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();

        var dead = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Dead, dead!.State);
        Assert.Contains("401", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriesRunOut_GoesDead()
    {
        var publisher = new ScriptedReplyPublisher("acme", 500, new HttpRequestException("reset"), new HttpRequestException("reset"));
        var desk = Desk(publisher, options => options.MaxAttempts = 2);
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();
        _time.Advance(TimeSpan.FromHours(1));
        await desk.PublishDueAsync();

        Assert.Equal(ReplyState.Dead, (await desk.GetAsync(reply.Id))!.State);
    }

    [Fact]
    public async Task PublishedReply_ResolvesItsItem()
    {
        var desk = Desk(new ScriptedReplyPublisher("acme", 500));
        var post = new Post
        {
            Id = Parent,
            Source = "mastodon",
            Author = new Author { Platform = "mastodon", Handle = "jane@example.social" },
            Text = "acme lost my parcel",
            CreatedAt = _time.GetUtcNow(),
        };
        await _store.CommitAsync(new BatchCommit
        {
            SourceName = "test",
            Posts = [post],
            InboxItems = [new InboxItem { Id = Parent, PersonId = post.Author.IdentityKey, Source = "mastodon", ThreadId = Parent, Kind = InboxItemKind.Complaint, CreatedAt = post.CreatedAt, DueAt = post.CreatedAt.AddHours(1) }],
        });

        var reply = await desk.CreateAsync(Draft("sorry!") with { ItemId = Parent });
        await desk.PublishDueAsync();

        var item = await _store.GetItemAsync(Parent);
        Assert.Equal(InboxItemState.Resolved, item!.State);
        Assert.Equal((await desk.GetAsync(reply.Id))!.PublishedPostId, item.AnsweredByPostId);
    }

    [Fact]
    public void RenderTemplate_FillsPlaceholders_AndRefusesMissingOnes()
    {
        var desk = Desk(new ScriptedReplyPublisher("acme", 500), options => options.Templates["sorry"] = "Hi {name}, sorry about order {order}!");

        Assert.Equal("Hi Jane, sorry about order 42!", desk.RenderTemplate("sorry", new Dictionary<string, string> { ["name"] = "Jane", ["order"] = "42" }));
        var error = Assert.Throws<ArgumentException>(() => desk.RenderTemplate("sorry", new Dictionary<string, string> { ["name"] = "Jane" }));
        Assert.Contains("order", error.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => desk.RenderTemplate("nope", new Dictionary<string, string>()));
    }

    private static ReplyDraft Draft(string text) => new() { Account = "acme", InReplyToPostId = Parent, Text = text };

    private ReplyDesk Desk(ScriptedReplyPublisher publisher, Action<ReplyOptions>? configure = null)
    {
        var options = new ReplyOptions();
        configure?.Invoke(options);
        var publishers = new Dictionary<string, IReplyPublisher>(StringComparer.Ordinal) { [publisher.Account] = publisher };
        var dispatcher = new ReplyDispatcher(_store, publishers, options, _time, NullLogger.Instance);
        return new ReplyDesk(_store, publishers, options, _time, dispatcher);
    }
}
