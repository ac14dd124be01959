namespace Monitro.Sources.Tests.Replies;

/// <summary>Replies sent through the reply outbox to a loopback Reddit, exactly once.</summary>
public sealed class RedditReplyPublisherTests : ReplyPublisherContractTests
{
    private const string Comment = "t1_jane42";
    private FakeRedditReplyServer? _server;

    [Theory]
    [InlineData("t1_jane42")]
    [InlineData("t3_abc123")]
    public async Task Reply_ToACommentOrAPost_IsPostedUnderItsThingId(string thingId)
    {
        var desk = await CreateAsync();

        var reply = await desk.CreateAsync(Draft("Sorry Jane, we are on it.") with { InReplyToPostId = "reddit:" + thingId });
        await desk.PublishDueAsync();

        var comment = Assert.Single(_server!.Created);
        Assert.Equal(thingId, comment["parent_id"]!.GetValue<string>());
        Assert.Equal("Sorry Jane, we are on it.", comment["body"]!.GetValue<string>());
        var published = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Published, published!.State);
        Assert.Equal("reddit:" + comment["name"]!.GetValue<string>(), published.PublishedPostId);
        Assert.Equal(new Uri("https://www.reddit.com" + comment["permalink"]!.GetValue<string>()), published.PublishedUrl);
        Assert.Equal(0, _server.Lookups);
    }

    [Fact]
    public async Task Reply_LongerThan10000Characters_IsRefusedAtCreation()
    {
        var desk = await CreateAsync();

        var error = await Assert.ThrowsAsync<ReplyTooLongException>(() => desk.CreateAsync(Draft(new string('a', 10_001))).AsTask());

        Assert.Equal(new ReplyLimit(10_000, ReplyLengthUnit.CodePoints), error.Limit);
        Assert.Empty(await Store.ListRepliesAsync(ReplyState.Queued, 10));
    }

    [Fact]
    public async Task Retry_DoesNotTakeAnOlderCommentWithTheSameText_ForThisReply()
    {
        var desk = await CreateAsync(server =>
        {
            server.AddOurComment(Comment, "hello", Time.GetUtcNow().AddHours(-1));
            server.Script.Steps.Enqueue("500");
        });
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();
        await RunNextAttemptAsync(desk, (await desk.GetAsync(reply.Id))!);

        var comment = Assert.Single(_server!.Created);
        Assert.Equal(1, _server.Lookups);
        Assert.Equal("reddit:" + comment["name"]!.GetValue<string>(), (await desk.GetAsync(reply.Id))!.PublishedPostId);
    }

    [Fact]
    public async Task RevokedAccessToken_IsReplacedOnce_AndTheCommentPosted()
    {
        var desk = await CreateAsync();
        await desk.CreateAsync(Draft("first"));
        await desk.PublishDueAsync();

        _server!.RevokeAccessToken();
        var second = await desk.CreateAsync(Draft("second"));
        await desk.PublishDueAsync();

        Assert.Equal(ReplyState.Published, (await desk.GetAsync(second.Id))!.State);
        Assert.Equal(2, _server.Created.Count);
        Assert.Equal(2, _server.Tokens);
    }

    protected override PublishScript Script => _server!.Script;

    protected override IReadOnlyList<string> CreatedPostIds => [.. _server!.Created.Select(static comment => "reddit:" + comment["name"]!.GetValue<string>())];

    protected override Task<ReplyDesk> CreateDeskAsync() => CreateAsync();

    protected override Task<ReplyDesk> CreateDeskWithSecretAsync(string secret) => CreateAsync(secret: secret);

    protected override ReplyDraft Draft(string text) => new() { Account = "acme", InReplyToPostId = "reddit:" + Comment, Text = text };

    private async Task<ReplyDesk> CreateAsync(Action<FakeRedditReplyServer>? arrange = null, string secret = FakeRedditReplyServer.ClientSecret)
    {
        var server = _server = Own(await FakeRedditReplyServer.StartAsync(Time));
        arrange?.Invoke(server);
        return CreateDesk(builder => builder.AddRedditReplies("acme", options =>
        {
            options.ClientId = FakeRedditReplyServer.ClientId;
            options.ClientSecret = secret;
            options.RefreshToken = FakeRedditReplyServer.RefreshToken;
            options.UserAgent = "test:monitro:1.0 (by /u/acme_support)";
            options.TokenEndpoint = new Uri(server.BaseAddress, "api/v1/access_token");
            options.ApiBaseAddress = server.BaseAddress;
        }));
    }
}
