namespace Monitro.Sources.Tests.Replies;

/// <summary>Replies sent through the reply outbox to a loopback Mastodon server, exactly once.</summary>
public sealed class MastodonReplyPublisherTests : ReplyPublisherContractTests
{
    private const string Remote = "https://other.example/users/jane/statuses/1";
    private FakeMastodonReplyServer? _server;

    [Fact]
    public async Task Reply_ToARemoteStatus_IsResolvedOnOurServerAndThreadedUnderIt()
    {
        var desk = await CreateDeskAsync();

        var reply = await desk.CreateAsync(Draft("Sorry Jane, we are on it."));
        await desk.PublishDueAsync();

        var status = Assert.Single(_server!.Created);
        Assert.Equal(_server.LocalIdOf(Remote), status["in_reply_to_id"]!.GetValue<string>());
        Assert.Equal("public", status["visibility"]!.GetValue<string>());
        Assert.Equal("Sorry Jane, we are on it.", status["content"]!.GetValue<string>());
        Assert.Contains(_server.Searches, search => search.Contains("resolve=true", StringComparison.Ordinal) && search.Contains(Uri.EscapeDataString(Remote), StringComparison.Ordinal));
        var published = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Published, published!.State);
        Assert.Equal("mastodon:" + status["uri"]!.GetValue<string>(), published.PublishedPostId);
        Assert.Equal(new Uri(status["url"]!.GetValue<string>()), published.PublishedUrl);
    }

    [Fact]
    public async Task Reply_LongerThanTheServersLimit_IsRefusedAtCreation()
    {
        var desk = await CreateAsync(server => server.MaxCharacters = 20);

        var error = await Assert.ThrowsAsync<ReplyTooLongException>(() => desk.CreateAsync(Draft("twenty-one characters")).AsTask());

        Assert.Equal(20, error.Limit!.MaxLength);
        Assert.Equal(21, error.Length);
        Assert.Empty(_server!.Created);
        Assert.Empty(await Store.ListRepliesAsync(ReplyState.Queued, 10));
    }

    protected override PublishScript Script => _server!.Script;

    protected override IReadOnlyList<string> CreatedPostIds => [.. _server!.Created.Select(static status => "mastodon:" + status["uri"]!.GetValue<string>())];

    protected override Task<ReplyDesk> CreateDeskAsync() => CreateAsync();

    protected override Task<ReplyDesk> CreateDeskWithSecretAsync(string secret) => CreateAsync(token: secret);

    protected override ReplyDraft Draft(string text) => new() { Account = "acme", InReplyToPostId = "mastodon:" + Remote, Text = text };

    private async Task<ReplyDesk> CreateAsync(Action<FakeMastodonReplyServer>? arrange = null, string token = FakeMastodonReplyServer.Token)
    {
        var server = _server = Own(await FakeMastodonReplyServer.StartAsync());
        server.AddRemote(Remote);
        arrange?.Invoke(server);
        return CreateDesk(builder => builder.AddMastodonReplies("acme", options =>
        {
            options.Instance = server.BaseAddress;
            options.AccessToken = token;
        }));
    }
}
