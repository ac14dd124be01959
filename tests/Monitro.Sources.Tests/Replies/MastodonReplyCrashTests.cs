using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Monitro.Sources.Tests.Replies;

/// <summary>The crash test on Mastodon: a retry carries the same <c>Idempotency-Key</c>, answered with the status already created.</summary>
public sealed class MastodonReplyCrashTests(ITestOutputHelper output) : ReplyCrashTests(output)
{
    private FakeMastodonReplyServer? _server;

    private protected override string[] PublisherArguments => ["mastodon", _server!.BaseAddress.ToString(), FakeMastodonReplyServer.Token];

    private protected override int SafeguardCatches => _server!.RepeatedKeys;

    private protected override async Task<FakeReplyServer> StartServerAsync() => _server = await FakeMastodonReplyServer.StartAsync();

    private protected override void DisableSafeguard() => _server!.IgnoreIdempotencyKeys = true;

    // Each reply answers a status of another server, which ours resolves before replying.
    private protected override string AddAnsweredPost(int index)
    {
        var remote = $"https://other.example/users/user{index}/statuses/{index}";
        _server!.AddRemote(remote);
        return "mastodon:" + remote;
    }

    private protected override void AddPublisher(IMonitroBuilder monitro) =>
        monitro.AddMastodonReplies(Account, options =>
        {
            options.Instance = _server!.BaseAddress;
            options.AccessToken = FakeMastodonReplyServer.Token;
        });

    private protected override (string PostId, string Text, string Parent) Describe(JsonObject created) =>
        ("mastodon:" + created["uri"]!.GetValue<string>(), created["content"]!.GetValue<string>(), created["in_reply_to_id"]!.GetValue<string>());

    private protected override string ParentOf(string answeredPostId) => _server!.LocalIdOf(answeredPostId["mastodon:".Length..]);
}
