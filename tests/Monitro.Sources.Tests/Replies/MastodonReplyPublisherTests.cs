using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Monitro.Sources.Tests.Replies;

/// <summary>Replies sent through the reply outbox to a loopback Mastodon server, exactly once.</summary>
public sealed class MastodonReplyPublisherTests : IAsyncDisposable
{
    private const string Remote = "https://other.example/users/jane/statuses/1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMonitroStore _store;
    private FakeMastodonReplyServer? _server;
    private ServiceProvider? _provider;

    public MastodonReplyPublisherTests() => _store = new InMemoryMonitroStore(_time);

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reply_ToARemoteStatus_IsResolvedOnOurServerAndThreadedUnderIt()
    {
        var (desk, server) = await CreateAsync();

        var reply = await desk.CreateAsync(Draft("Sorry Jane, we are on it."));
        await desk.PublishDueAsync();

        var status = Assert.Single(server.Created);
        Assert.Equal(server.LocalIdOf(Remote), status["in_reply_to_id"]!.GetValue<string>());
        Assert.Equal("public", status["visibility"]!.GetValue<string>());
        Assert.Equal("Sorry Jane, we are on it.", status["content"]!.GetValue<string>());
        Assert.Contains(server.Searches, search => search.Contains("resolve=true", StringComparison.Ordinal) && search.Contains(Uri.EscapeDataString(Remote), StringComparison.Ordinal));
        var published = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Published, published!.State);
        Assert.Equal("mastodon:" + status["uri"]!.GetValue<string>(), published.PublishedPostId);
        Assert.Equal(new Uri(status["url"]!.GetValue<string>()), published.PublishedUrl);
    }

    [Fact]
    public async Task Reply_LongerThanTheServersLimit_IsRefusedAtCreation()
    {
        var (desk, server) = await CreateAsync(server => server.MaxCharacters = 20);

        var error = await Assert.ThrowsAsync<ReplyTooLongException>(() => desk.CreateAsync(Draft("twenty-one characters")).AsTask());

        Assert.Equal(20, error.Limit!.MaxLength);
        Assert.Equal(21, error.Length);
        Assert.Empty(server.Created);
        Assert.Empty(await _store.ListRepliesAsync(ReplyState.Queued, 10));
    }

    [Fact]
    public async Task AnswerLost_AfterTheStatusWasCreated_TheRetryCreatesNoSecondStatus()
    {
        var (desk, server) = await CreateAsync(server => server.PostScript.Enqueue("drop"));
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();
        var failed = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Queued, failed!.State);
        await RunNextAttemptAsync(desk, failed);

        var status = Assert.Single(server.Created);
        Assert.Equal("mastodon:" + status["uri"]!.GetValue<string>(), (await desk.GetAsync(reply.Id))!.PublishedPostId);
    }

    [Fact]
    public async Task CrashAfterSending_BeforeMarkingPublished_TheNextProcessPostsNothingNew()
    {
        var (desk, server) = await CreateAsync();
        var reply = await desk.CreateAsync(Draft("hello"));

        // A process claims the reply, sends it, and dies before it records the outcome.
        var claimed = Assert.Single(await _store.ClaimDueRepliesAsync(1, TimeSpan.FromMinutes(2)));
        var publisher = _provider!.GetServices<IReplyPublisher>().Single();
        await publisher.PublishAsync(claimed);
        Assert.Single(server.Created);

        // Its lease expires; this process takes the reply over.
        Assert.Equal(0, await desk.PublishDueAsync());
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await desk.PublishDueAsync());

        var status = Assert.Single(server.Created);
        var published = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Published, published!.State);
        Assert.Equal(2, published.Attempts);
        Assert.Equal("mastodon:" + status["uri"]!.GetValue<string>(), published.PublishedPostId);
    }

    [Fact]
    public async Task Unauthorized_IsGivenUpAtOnce_WithoutTheToken()
    {
        var (desk, server) = await CreateAsync(token: "token-x9");
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();

        var dead = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Dead, dead!.State);
        Assert.Contains("401", dead.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("token-x9", dead.LastError, StringComparison.Ordinal);
        Assert.Empty(server.Created);
    }

    [Fact]
    public async Task TooManyRequests_WaitsAtLeastRetryAfter_ThenPublishes()
    {
        var (desk, server) = await CreateAsync(server => server.PostScript.Enqueue("429"));
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();
        var limited = await desk.GetAsync(reply.Id);
        Assert.True(limited!.NextAttemptAt >= _time.GetUtcNow().AddSeconds(120));
        Assert.Contains("429", limited.LastError, StringComparison.Ordinal);

        await RunNextAttemptAsync(desk, limited);
        Assert.Single(server.Created);
        Assert.Equal(ReplyState.Published, (await desk.GetAsync(reply.Id))!.State);
    }

    [Fact]
    public async Task ServerError_ThenSuccess_PublishesOnce()
    {
        var (desk, server) = await CreateAsync(server => server.PostScript.Enqueue("500"));
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();
        await RunNextAttemptAsync(desk, (await desk.GetAsync(reply.Id))!);

        Assert.Single(server.Created);
        Assert.Equal(ReplyState.Published, (await desk.GetAsync(reply.Id))!.State);
    }

    [Fact]
    public async Task Timeout_CountsAsUnknown_AndTheRetryPostsOnce()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (desk, server) = await CreateAsync(server => server.HoldPost = hold);
        var reply = await desk.CreateAsync(Draft("hello"));

        var attempt = desk.PublishDueAsync();
        await server.PostReceived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(31));
        await attempt.WaitAsync(TimeSpan.FromSeconds(30));
        var timedOut = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Queued, timedOut!.State);

        server.HoldPost = null;
        hold.SetResult();
        await RunNextAttemptAsync(desk, timedOut);

        Assert.Single(server.Created);
        Assert.Equal(ReplyState.Published, (await desk.GetAsync(reply.Id))!.State);
    }

    private async Task RunNextAttemptAsync(ReplyDesk desk, Reply failed)
    {
        _time.Advance(failed.NextAttemptAt - _time.GetUtcNow());
        Assert.Equal(1, await desk.PublishDueAsync());
    }

    private static ReplyDraft Draft(string text) => new() { Account = "acme", InReplyToPostId = "mastodon:" + Remote, Text = text };

    private async Task<(ReplyDesk Desk, FakeMastodonReplyServer Server)> CreateAsync(Action<FakeMastodonReplyServer>? arrange = null, string token = FakeMastodonReplyServer.Token)
    {
        _server = await FakeMastodonReplyServer.StartAsync();
        _server.AddRemote(Remote);
        arrange?.Invoke(_server);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging();
        var server = _server;
        services.AddMonitro()
            .UseStore(_ => _store, static _ => { })
            .AddReplies()
            .AddMastodonReplies("acme", options =>
            {
                options.Instance = server.BaseAddress;
                options.AccessToken = token;
            });
        _provider = services.BuildServiceProvider();
        return (_provider.GetRequiredService<ReplyDesk>(), _server);
    }
}
