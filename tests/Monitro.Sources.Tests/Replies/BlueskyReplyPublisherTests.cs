using System.Text;
using System.Text.Json.Nodes;
using Monitro.Sources.Bluesky;

namespace Monitro.Sources.Tests.Replies;

/// <summary>Replies sent through the reply outbox to a loopback Bluesky server, exactly once.</summary>
public sealed class BlueskyReplyPublisherTests : ReplyPublisherContractTests
{
    private const string Jane = "did:plc:jane4example7person2abc";
    private FakeBlueskyReplyServer? _server;
    private string _root = string.Empty;
    private string _parent = string.Empty;

    [Fact]
    public async Task Reply_InAThread_IsThreadedWithStrongRefsToTheRootAndTheParent()
    {
        var desk = await CreateAsync();

        var reply = await desk.CreateAsync(Draft("Sorry Jane, we are on it."));
        await desk.PublishDueAsync();

        var record = Assert.Single(_server!.Created);
        Assert.Equal("app.bsky.feed.post", record["$type"]!.GetValue<string>());
        Assert.Equal("Sorry Jane, we are on it.", record["text"]!.GetValue<string>());
        Assert.Equal("2026-01-01T12:00:00.000Z", record["createdAt"]!.GetValue<string>());
        AssertRef(record["reply"]!["root"]!, _root);
        AssertRef(record["reply"]!["parent"]!, _parent);
        Assert.Equal(reply.RecordKey, record["rkey"]!.GetValue<string>());
        Assert.True(BlueskyTid.IsValid(reply.RecordKey));
        var published = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Published, published!.State);
        Assert.Equal($"bluesky:at://{FakeBlueskyReplyServer.Did}/app.bsky.feed.post/{reply.RecordKey}", published.PublishedPostId);
        Assert.Equal(new Uri($"https://bsky.app/profile/{FakeBlueskyReplyServer.Did}/post/{reply.RecordKey}"), published.PublishedUrl);
    }

    [Fact]
    public async Task Reply_ToATopLevelPost_TakesItAsRootAndParent()
    {
        var desk = await CreateAsync();

        await desk.CreateAsync(Draft("Thanks!") with { InReplyToPostId = "bluesky:" + _root });
        await desk.PublishDueAsync();

        var record = Assert.Single(_server!.Created);
        AssertRef(record["reply"]!["root"]!, _root);
        AssertRef(record["reply"]!["parent"]!, _root);
    }

    [Fact]
    public async Task Reply_WithMentionsAndLinks_HasFacetsAtUtf8ByteOffsets()
    {
        var desk = await CreateAsync(server => server.AddHandle("jane.example.com", Jane));
        const string Text = "Grüße @jane.example.com! Hilfe: https://acme.example/hilfe?id=1. Und @nobody.example.org";

        await desk.CreateAsync(Draft(Text));
        await desk.PublishDueAsync();

        var facets = Assert.Single(_server!.Created)["facets"]!.AsArray();
        Assert.Equal(2, facets.Count);
        var bytes = Encoding.UTF8.GetBytes(Text);
        var mention = facets[0]!;
        Assert.Equal(8, mention["index"]!["byteStart"]!.GetValue<int>());
        Assert.Equal("@jane.example.com", Slice(bytes, mention));
        Assert.Equal("app.bsky.richtext.facet#mention", mention["features"]![0]!["$type"]!.GetValue<string>());
        Assert.Equal(Jane, mention["features"]![0]!["did"]!.GetValue<string>());
        var link = facets[1]!;
        Assert.Equal("https://acme.example/hilfe?id=1", Slice(bytes, link));
        Assert.Equal("app.bsky.richtext.facet#link", link["features"]![0]!["$type"]!.GetValue<string>());
        Assert.Equal("https://acme.example/hilfe?id=1", link["features"]![0]!["uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reply_LongerThan300Graphemes_IsRefusedAtCreation_ButEmojiCountOnceEach()
    {
        var desk = await CreateAsync();

        var error = await Assert.ThrowsAsync<ReplyTooLongException>(() => desk.CreateAsync(Draft(new string('a', 301))).AsTask());
        var emoji = await desk.CreateAsync(Draft(string.Concat(Enumerable.Repeat("👍🏽", 300))));

        Assert.Equal(new ReplyLimit(300, ReplyLengthUnit.Graphemes), error.Limit);
        Assert.Equal(301, error.Length);
        Assert.Equal(ReplyState.Queued, emoji.State);
        Assert.Single(await Store.ListRepliesAsync(ReplyState.Queued, 10));
    }

    [Fact]
    public async Task ExpiredAccessToken_IsRefreshedOnce_WithoutSigningInAgain()
    {
        var desk = await CreateAsync();
        await desk.CreateAsync(Draft("first"));
        await desk.PublishDueAsync();

        _server!.ExpireAccessToken();
        var second = await desk.CreateAsync(Draft("second"));
        await desk.PublishDueAsync();

        Assert.Equal(ReplyState.Published, (await desk.GetAsync(second.Id))!.State);
        Assert.Equal(2, _server.Created.Count);
        Assert.Equal(1, _server.Sessions);
        Assert.Equal(1, _server.Refreshes);
    }

    [Fact]
    public void RecordKeys_AreTidsThatSortByTime()
    {
        Assert.Equal("2222222222222", BlueskyTid.Create(DateTimeOffset.UnixEpoch, 0));
        Assert.Equal("2222222222322", BlueskyTid.Create(DateTimeOffset.UnixEpoch.AddTicks(10), 0)); // 1 µs = 1 << 10
        var earlier = BlueskyTid.Create(Time.GetUtcNow());
        var later = BlueskyTid.Create(Time.GetUtcNow().AddTicks(10));
        Assert.True(BlueskyTid.IsValid(earlier));
        Assert.True(string.CompareOrdinal(earlier, later) < 0);
    }

    private static void AssertRef(JsonNode reference, string uri)
    {
        Assert.Equal(uri, reference["uri"]!.GetValue<string>());
        Assert.Equal(FakeBlueskyReplyServer.CidOf(uri), reference["cid"]!.GetValue<string>());
    }

    private static string Slice(byte[] bytes, JsonNode facet) =>
        Encoding.UTF8.GetString(bytes[facet["index"]!["byteStart"]!.GetValue<int>()..facet["index"]!["byteEnd"]!.GetValue<int>()]);

    protected override PublishScript Script => _server!.Script;

    protected override IReadOnlyList<string> CreatedPostIds =>
        [.. _server!.Created.Select(record => $"bluesky:at://{FakeBlueskyReplyServer.Did}/app.bsky.feed.post/{record["rkey"]!.GetValue<string>()}")];

    protected override Task<ReplyDesk> CreateDeskAsync() => CreateAsync();

    protected override Task<ReplyDesk> CreateDeskWithSecretAsync(string secret) => CreateAsync(password: secret);

    protected override ReplyDraft Draft(string text) => new() { Account = "acme", InReplyToPostId = "bluesky:" + _parent, Text = text };

    private async Task<ReplyDesk> CreateAsync(Action<FakeBlueskyReplyServer>? arrange = null, string password = FakeBlueskyReplyServer.AppPassword)
    {
        var server = _server = Own(await FakeBlueskyReplyServer.StartAsync());
        _root = server.AddPost(Jane, "3lbroot2222a2", "My parcel is lost.");
        _parent = server.AddPost(Jane, "3lbparent22a2", "Still nothing, @acme.example.com?", (_root, FakeBlueskyReplyServer.CidOf(_root)));
        arrange?.Invoke(server);
        return CreateDesk(builder => builder.AddBlueskyReplies("acme", options =>
        {
            options.ServiceUrl = server.BaseAddress;
            options.Identifier = FakeBlueskyReplyServer.Identifier;
            options.AppPassword = password;
        }));
    }
}
