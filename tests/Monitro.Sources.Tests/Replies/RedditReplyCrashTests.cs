using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// The crash test on Reddit: there is no key, so every retry first looks for our recent comment on the same thing with
/// the same text, and takes it as the post instead of commenting again.
/// </summary>
public sealed class RedditReplyCrashTests(ITestOutputHelper output) : ReplyCrashTests(output)
{
    private FakeRedditReplyServer? _server;

    private protected override string[] PublisherArguments =>
        ["reddit", _server!.BaseAddress.ToString(), FakeRedditReplyServer.ClientId, FakeRedditReplyServer.ClientSecret, FakeRedditReplyServer.RefreshToken];

    private protected override int SafeguardCatches => Volatile.Read(ref _server!.Lookups);

    private protected override async Task<FakeReplyServer> StartServerAsync() => _server = await FakeRedditReplyServer.StartAsync(TimeProvider.System);

    private protected override void DisableSafeguard() => _server!.HideCommentsFromListing = true;

    // Reddit comments on any thing by its id; nothing needs to exist first.
    private protected override string AddAnsweredPost(int index) => "reddit:t1_case" + index.ToString("D4", CultureInfo.InvariantCulture);

    private protected override void AddPublisher(IMonitroBuilder monitro) =>
        monitro.AddRedditReplies(Account, options =>
        {
            options.ClientId = FakeRedditReplyServer.ClientId;
            options.ClientSecret = FakeRedditReplyServer.ClientSecret;
            options.RefreshToken = FakeRedditReplyServer.RefreshToken;
            options.UserAgent = "test:monitro:1.0 (by /u/acme_support)";
            options.TokenEndpoint = new Uri(_server!.BaseAddress, "api/v1/access_token");
            options.ApiBaseAddress = _server.BaseAddress;
        });

    private protected override (string PostId, string Text, string Parent) Describe(JsonObject created) =>
        ("reddit:" + created["name"]!.GetValue<string>(), created["body"]!.GetValue<string>(), created["parent_id"]!.GetValue<string>());

    private protected override string ParentOf(string answeredPostId) => answeredPostId["reddit:".Length..];
}
