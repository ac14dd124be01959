using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Sources.Reddit;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Reddit;

public sealed class RedditSourceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private SourceTestHost _host = new();
    private FakeRedditServer? _server;

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<FakeRedditServer> ServerAsync() => _server ??= await FakeRedditServer.StartAsync(_host.Time);

    private async Task<IListeningSource> CreateSutAsync(Action<RedditSourceOptions>? configure = null)
    {
        var server = await ServerAsync();
        _host.Builder.AddReddit("reddit", o =>
        {
            o.ClientId = "client-id";
            o.ClientSecret = "client-secret";
            o.UserAgent = "server:com.example.monitro-tests:1.0 (by /u/monitro)";
            o.TokenEndpoint = new Uri(server.BaseAddress, "api/v1/access_token");
            o.ApiBaseAddress = server.BaseAddress;
            o.Subreddits.Add("sysadmin");
            o.PollInterval = TimeSpan.FromMinutes(1);
            o.RequestsPerMinute = 10_000;
            o.FirstRun = FirstRunMode.EverythingAvailable;
            configure?.Invoke(o);
        }, SourceTestHost.FastResilience);
        return _host.Source("reddit");
    }

    [Fact]
    public async Task ReadAsync_ListingOfManyPages_PagesToTheEndAndNormalizes()
    {
        var server = await ServerAsync();
        for (var i = 0; i < 250; i++)
        {
            server.AddPost("r/sysadmin", Start.AddHours(-10).AddMinutes(i), $"Acme question {i}");
        }

        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 250);

        var posts = batches.AllPosts();
        Assert.Equal(250, posts.Select(p => p.Id).Distinct().Count());
        Assert.Equal(3, server.ApiRequests.Count(r => r.PathAndQuery.StartsWith("/r/sysadmin/new", StringComparison.Ordinal)));
        var first = posts.Single(p => p.Text.StartsWith("Acme question 0\n", StringComparison.Ordinal));
        Assert.Equal("reddit:t3_1gv00001", first.Id);
        Assert.Equal("reddit", first.Source);
        Assert.Equal("helpdesk_hero", first.Author.Handle);
        Assert.Equal("Acme question 0\nWe're evaluating Acme CRM and need SSO against on-prem AD.", first.Text);
        Assert.Equal(new Uri("https://www.reddit.com/r/sysadmin/comments/1gv00001/post/"), first.Url);
        Assert.Equal(Start.AddHours(-10), first.CreatedAt);
        Assert.All(server.ApiRequests, r => Assert.Equal("server:com.example.monitro-tests:1.0 (by /u/monitro)", r.Header("User-Agent")));
        Assert.Single(server.TokenRequests);
    }

    [Fact]
    public async Task ReadAsync_SearchAndSubreddit_DeliverEachPostOnceAndNewPostsLater()
    {
        var server = await ServerAsync();
        server.AddPost("search", Start.AddMinutes(-30), "Acme from search");
        server.AddPost("r/sysadmin", Start.AddMinutes(-20), "Acme from sub");
        var sut = await CreateSutAsync(o => o.Query = "acme crm");
        var added = false;

        var batches = await _host.ReadUntilAsync(sut, null, b =>
        {
            if (!added && b.AllPosts().Count == 2)
            {
                added = true;
                server.AddPost("r/sysadmin", _host.Time.GetUtcNow().AddSeconds(1), "Acme later");
            }

            return b.AllPosts().Count >= 3;
        });

        Assert.Equal(["Acme from search", "Acme from sub", "Acme later"], batches.AllPosts().Select(p => p.Text.Split('\n')[0]));
        Assert.Contains(server.ApiRequests, r => r.PathAndQuery.StartsWith("/search?q=acme%20crm&sort=new", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_TokenNearExpiry_IsReplacedBeforeItExpires()
    {
        // The token is checked before each request, so when it is replaced depends on when the polls come. A clock
        // pumped in real time jumps ahead by as much as the machine stalls (an hour of fake time for a few busy
        // seconds), past the expiry between two polls; here the clock moves only while the source waits to poll.
        await _host.DisposeAsync();
        _host = new SourceTestHost(pumpClock: false);
        var server = await ServerAsync();
        server.TokenLifetimeSeconds = 600;
        var sut = await CreateSutAsync(o => o.TokenRefreshMargin = TimeSpan.FromMinutes(2));
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var unused in sut.ReadAsync(null, stop.Token))
            {
            }
        });

        while (server.TokenRequests.Count < 3)
        {
            _host.Time.Advance(await NextPollWaitAsync());
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.Equal(0, server.Unauthorized);
        var tokens = server.TokenRequests.ToArray();

        // Replaced at the first poll once the margin before expiry is reached: 480 s after it was issued, polls a minute apart.
        Assert.Equal(TimeSpan.FromSeconds(480), tokens[1].At - tokens[0].At);
        Assert.Equal(TimeSpan.FromSeconds(480), tokens[2].At - tokens[1].At);
    }

    [Fact]
    public async Task ReadAsync_RevokedToken_GetsANewTokenOnceAndGoesOn()
    {
        var server = await ServerAsync();
        server.AddPost("r/sysadmin", Start.AddMinutes(-10), "Acme one");
        var sut = await CreateSutAsync();
        var revoked = false;

        var batches = await _host.ReadUntilAsync(sut, null, b =>
        {
            if (!revoked && b.AllPosts().Count == 1)
            {
                revoked = true;
                server.RevokeAllTokens();
                server.AddPost("r/sysadmin", _host.Time.GetUtcNow().AddSeconds(1), "Acme two");
            }

            return b.AllPosts().Count >= 2;
        });

        Assert.Equal(2, batches.AllPosts().Count);
        Assert.Equal(2, server.TokenRequests.Count);
        Assert.Empty(_host.LogsAtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task ReadAsync_WrongCredentials_LogsAClearErrorAndKeepsTrying()
    {
        var server = await ServerAsync();
        var sut = await CreateSutAsync(o => o.ClientSecret = "wrong");

        await _host.ReadUntilAsync(sut, null, _ => server.TokenRequests.Count >= 2);

        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("HTTP 401 Unauthorized", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => r.Message.Contains("client-secret", StringComparison.Ordinal) || r.Message.Contains("wrong", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_NetworkPolicyBlock_IsLoggedAsForbidden()
    {
        var server = await ServerAsync();
        server.AddPost("r/sysadmin", Start.AddMinutes(-10), "Acme after block");
        for (var i = 0; i < 3; i++)
        {
            server.Override(async c =>
            {
                c.Response.StatusCode = 403;
                c.Response.ContentType = "text/html";
                await c.Response.WriteAsync("<html><body><h1>whoa there, pardner!</h1><p>Your request has been blocked due to a network policy.</p></body></html>");
            });
        }

        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("HTTP 403 Forbidden", StringComparison.Ordinal));
        Assert.Single(batches.AllPosts());
    }

    [Fact]
    public async Task ReadAsync_RateLimitUsedUp_WaitsForTheResetSeconds()
    {
        var server = await ServerAsync();
        server.AddPost("r/sysadmin", Start.AddMinutes(-10), "Acme limited");
        server.Override(async c =>
        {
            c.Response.Headers["x-ratelimit-remaining"] = "0.0";
            c.Response.Headers["x-ratelimit-reset"] = "1800";
            await c.Response.WriteAsync("{\"kind\":\"Listing\",\"data\":{\"after\":null,\"children\":[]}}");
        });
        var sut = await CreateSutAsync();

        await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        var requests = server.ApiRequests.ToArray();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1800), $"waited {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task ReadAsync_ItemWithWrongTypes_SkipsOnlyThatItem()
    {
        var server = await ServerAsync();
        server.AddPost("r/sysadmin", Start.AddMinutes(-30), "Acme good one");
        server.AddPost("r/sysadmin", Start.AddMinutes(-20), "Acme bad")["title"] = new System.Text.Json.Nodes.JsonObject { ["nested"] = true };
        server.AddPost("r/sysadmin", Start.AddMinutes(-10), "Acme good two");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.Count >= 1);

        Assert.Equal(["Acme good one", "Acme good two"], batches[0].Posts.Select(p => p.Text.Split('\n')[0]));
        Assert.Contains("unexpected type", Assert.Single(batches[0].Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RestartFromCheckpoint_DeliversEverythingOnceWithoutGaps()
    {
        var server = await ServerAsync();
        for (var i = 0; i < 230; i++)
        {
            server.AddPost("r/sysadmin", Start.AddHours(-10).AddMinutes(i), $"Acme {i}");
        }

        var sut = await CreateSutAsync();
        var first = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 100);
        for (var i = 230; i < 260; i++)
        {
            server.AddPost("r/sysadmin", _host.Time.GetUtcNow().AddSeconds(i), $"Acme {i}");
        }

        var second = await _host.ReadUntilAsync(sut, first[^1].Checkpoint, b => first.AllPosts().Count + b.AllPosts().Count >= 260);

        var texts = first.AllPosts().Concat(second.AllPosts()).Select(p => p.Text.Split('\n')[0]).ToList();
        Assert.Equal(Enumerable.Range(0, 260).Select(i => $"Acme {i}").Order(), texts.Order());
    }

    [Fact]
    public void AddReddit_InvalidOptions_FailValidationWithClearMessages()
    {
        _host.Builder.AddReddit("bad", o =>
        {
            o.UserAgent = "curl/8.0";
            o.Subreddits.Add("r/sysadmin");
        });

        var ex = Assert.Throws<OptionsValidationException>(() => _host.Source("bad"));

        Assert.Contains(ex.Failures, f => f.Contains("The bad.ClientId field is required.", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("UserAgent must be descriptive", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'r/sysadmin', which is not a subreddit name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_TruncatedJsonAndServerError_AreReportedAndTheListingIsReadAgain()
    {
        var server = await ServerAsync();
        server.AddPost("r/sysadmin", Start.AddMinutes(-10), "Acme survives");
        server.Override(async c => await c.Response.WriteAsync("{\"kind\":\"Listing\",\"data\":{\"after\":null,\"children\":[{\"kind\":\"t3\",\"da"));
        server.Override(c =>
        {
            c.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Contains("not valid JSON", Assert.Single(batches.AllSkipped()).Reason, StringComparison.Ordinal);
        Assert.StartsWith("Acme survives", Assert.Single(batches.AllPosts()).Text, StringComparison.Ordinal);
    }

    // The next wait of the source between polls (waits of hours are the resilience handler's timeouts).
    private async Task<TimeSpan> NextPollWaitAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            while (_host.Waits.TryDequeue(out var due))
            {
                if (due > TimeSpan.Zero && due <= TimeSpan.FromHours(1))
                {
                    return due;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The source did not wait for its next poll within 30 s.");
            await Task.Delay(5);
        }
    }
}
