using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// The crash test on Bluesky: the record key chosen when the reply was created is reused by every attempt, so a retry
/// of a post already made conflicts (and the publisher reads the record back) instead of posting again.
/// </summary>
public sealed class BlueskyReplyCrashTests(ITestOutputHelper output) : ReplyCrashTests(output)
{
    private const string Jane = "did:plc:jane4example7person2abc";
    private FakeBlueskyReplyServer? _server;

    private protected override string[] PublisherArguments =>
        ["bluesky", _server!.BaseAddress.ToString(), FakeBlueskyReplyServer.Identifier, FakeBlueskyReplyServer.AppPassword];

    private protected override int SafeguardCatches => Volatile.Read(ref _server!.Conflicts);

    private protected override async Task<FakeReplyServer> StartServerAsync() => _server = await FakeBlueskyReplyServer.StartAsync();

    private protected override void DisableSafeguard() => _server!.AcceptExistingRecordKeys = true;

    private protected override string AddAnsweredPost(int index) =>
        "bluesky:" + _server!.AddPost(Jane, "3lbcase" + index.ToString("D6", CultureInfo.InvariantCulture), $"Where is my parcel? (case {index})");

    private protected override void AddPublisher(IMonitroBuilder monitro) =>
        monitro.AddBlueskyReplies(Account, options =>
        {
            options.ServiceUrl = _server!.BaseAddress;
            options.Identifier = FakeBlueskyReplyServer.Identifier;
            options.AppPassword = FakeBlueskyReplyServer.AppPassword;
        });

    private protected override (string PostId, string Text, string Parent) Describe(JsonObject created) =>
        ($"bluesky:at://{FakeBlueskyReplyServer.Did}/app.bsky.feed.post/{created["rkey"]!.GetValue<string>()}",
            created["text"]!.GetValue<string>(),
            created["reply"]!["parent"]!["uri"]!.GetValue<string>());

    private protected override string ParentOf(string answeredPostId) => answeredPostId["bluesky:".Length..];
}
