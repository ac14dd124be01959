using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Sources.Mastodon;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Mastodon;

public sealed class MastodonSourceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SourceTestHost _host = new();
    private FakeMastodonServer? _server;

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<(IListeningSource Source, FakeMastodonServer Server)> CreateSutAsync(Action<MastodonSourceOptions>? configure = null, string name = "mastodon")
    {
        _server ??= await FakeMastodonServer.StartAsync();
        _server.Clock = _host.Time.GetUtcNow;
        var server = _server;
        _host.Builder.AddMastodon(name, o =>
        {
            o.Instance = server.BaseAddress;
            o.Hashtags.Add("acmecrm");
            o.PollInterval = TimeSpan.FromMinutes(1);
            o.RequestsPerMinute = 10_000;
            o.FirstRun = FirstRunMode.EverythingAvailable;
            configure?.Invoke(o);
        }, SourceTestHost.FastResilience);
        return (_host.Source(name), server);
    }

    private async Task<FakeMastodonServer> ServerAsync() => _server ??= await FakeMastodonServer.StartAsync();

    [Fact]
    public async Task ReadAsync_ManyPages_PagesForwardToTheEndInOrder()
    {
        var server = await ServerAsync();
        for (var i = 0; i < 95; i++)
        {
            server.Add(Start.AddHours(-2).AddMinutes(i), $"Sync failures with Acme {i}", ["acmecrm"]);
        }

        var (sut, _) = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 95);

        var posts = batches.AllPosts();
        Assert.Equal(Enumerable.Range(0, 95).Select(i => $"Sync failures with Acme {i} #acmecrm @acme see status page"), posts.Select(p => p.Text));
        Assert.Equal(3, batches.Take(3).Count(b => b.Posts.Count > 0));
        var first = posts[0];
        Assert.Equal("mastodon:https://fosstodon.example/users/jdoe/statuses/1", first.Id);
        Assert.Equal("jdoe@fosstodon.example", first.Author.Handle);
        Assert.Equal("mastodon", first.Author.Platform);
        Assert.Equal(412, first.Author.Followers);
        Assert.Equal([new Uri("https://jane.example/")], first.Author.VerifiedLinks!);
        Assert.Equal(["acmecrm"], first.Entities.Hashtags);
        Assert.Equal(["acme"], first.Entities.Mentions);
        Assert.Equal(["https://status.acme.example/incident"], first.Entities.Links);
        Assert.Equal("en", first.Language);
        Assert.All(server.Requests, r => Assert.Contains("limit=40", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_StatusUnderTwoTags_IsDeliveredOnce()
    {
        var server = await ServerAsync();
        server.Add(Start.AddMinutes(-5), "Both tags", ["acmecrm", "crm"]);
        server.Add(Start.AddMinutes(-4), "Only crm", ["crm"]);
        var (sut, _) = await CreateSutAsync(o => o.Hashtags.Add("crm"));

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 2 && server.Requests.Count >= 4);

        Assert.Equal(2, batches.AllPosts().Count);
        Assert.Equal(2, batches.AllPosts().Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public async Task ReadAsync_SameStatusThroughTwoServers_HasOneId()
    {
        var server = await ServerAsync();
        await using var other = await FakeMastodonServer.StartAsync();
        const string uri = "https://fosstodon.example/users/jdoe/statuses/113502817300112233";
        server.Add(Start.AddMinutes(-5), "Federated", ["acmecrm"], uri, localId: 113502817362201484);
        other.Add(Start.AddMinutes(-5), "Federated", ["acmecrm"], uri, localId: 109000000000000001);
        _host.Builder.AddMastodon("second", o =>
        {
            o.Instance = other.BaseAddress;
            o.Hashtags.Add("acmecrm");
            o.FirstRun = FirstRunMode.EverythingAvailable;
            o.RequestsPerMinute = 10_000;
        }, SourceTestHost.FastResilience);
        var (first, _) = await CreateSutAsync(name: "first");

        var a = await _host.ReadUntilAsync(first, null, b => b.AllPosts().Count >= 1);
        var b = await _host.ReadUntilAsync(_host.Source("second"), null, x => x.AllPosts().Count >= 1);

        Assert.Equal("mastodon:" + uri, a.AllPosts()[0].Id);
        Assert.Equal(a.AllPosts()[0].Id, b.AllPosts()[0].Id);
    }

    [Fact]
    public async Task ReadAsync_RestrictedTimeline_SendsTheTokenAndNeverLogsIt()
    {
        var server = await ServerAsync();
        server.RequiredToken = "s3cr3t-token-value";
        server.Add(Start.AddMinutes(-5), "Hello", ["acmecrm"]);
        var (sut, _) = await CreateSutAsync(o => o.AccessToken = "s3cr3t-token-value");

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Equal("Bearer s3cr3t-token-value", server.Requests.First().Header("Authorization"));
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => r.Message.Contains("s3cr3t", StringComparison.Ordinal));
        Assert.Single(batches.AllPosts());
    }

    [Fact]
    public async Task ReadAsync_RestrictedTimelineWithoutToken_LogsUnauthorizedAndKeepsPolling()
    {
        var server = await ServerAsync();
        server.RequiredToken = "needed";
        var (sut, _) = await CreateSutAsync();

        await _host.ReadUntilAsync(sut, null, _ => server.Requests.Count >= 3);

        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("HTTP 401 Unauthorized", StringComparison.Ordinal));
        Assert.True(_host.Health.Find("mastodon")!.ConsecutiveFailures >= 2);
    }

    [Fact]
    public async Task ReadAsync_UnknownTag_IsLoggedAndTheOtherTagStillDelivers()
    {
        var server = await ServerAsync();
        server.Add(Start.AddMinutes(-5), "Known", ["acmecrm"]);
        var (sut, _) = await CreateSutAsync(o => o.Hashtags.Insert(0, "nosuchtag"));

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Equal("Known #acmecrm @acme see status page", batches.AllPosts()[0].Text);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("HTTP 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_FieldOfTheWrongType_SkipsOnlyThatStatus()
    {
        var server = await ServerAsync();
        server.Add(Start.AddMinutes(-6), "Good one", ["acmecrm"]);
        var bad = server.Add(Start.AddMinutes(-5), "Bad one", ["acmecrm"]);
        bad["account"] = "not an object";
        server.Add(Start.AddMinutes(-4), "Good two", ["acmecrm"]);
        var missing = server.Add(Start.AddMinutes(-3), "No uri", ["acmecrm"]);
        missing.Remove("uri");
        var (sut, _) = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.Count >= 1);

        Assert.Equal(["Good one", "Good two"], batches[0].Posts.Select(p => p.Text.Split(' ')[0] + " " + p.Text.Split(' ')[1]));
        Assert.Equal(2, batches[0].Skipped.Count);
        Assert.Contains(batches[0].Skipped, s => s.Reason.Contains("unexpected type", StringComparison.Ordinal));
        Assert.Contains(batches[0].Skipped, s => s.Reason == "the status has no uri");
    }

    [Fact]
    public async Task ReadAsync_TruncatedJson_IsSkippedAndThePageIsReadAgain()
    {
        var server = await ServerAsync();
        server.Add(Start.AddMinutes(-5), "After truncation", ["acmecrm"]);
        server.Override(200, "[{\"id\":\"1\",\"uri\":\"https://x.example/1\",\"cont");
        var (sut, _) = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        var skipped = Assert.Single(batches.AllSkipped());
        Assert.Contains("not valid JSON", skipped.Reason, StringComparison.Ordinal);
        Assert.StartsWith("[{\"id\":\"1\"", skipped.Excerpt, StringComparison.Ordinal);
        Assert.Single(batches.AllPosts());
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_IsRepairedLoggedAndDelivered()
    {
        var server = await ServerAsync();
        var json = "[" + FakeMastodonServer.Status("5", "https://x.example/5", Start.AddMinutes(-1), "Caf\u00e9 BAD", ["acmecrm"]).ToJsonString() + "]";
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        bytes.InsertRange(Encoding.UTF8.GetBytes(json).AsSpan().IndexOf("BAD"u8), new byte[] { 0xFF, 0xFE });
        server.Override(async c =>
        {
            c.Response.ContentType = "application/json";
            await c.Response.Body.WriteAsync(bytes.ToArray());
        });
        var (sut, _) = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.StartsWith("Caf\u00e9 \uFFFD\uFFFDBAD", batches.AllPosts()[0].Text, StringComparison.Ordinal);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("not valid utf-8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_RateLimitExhausted_WaitsUntilTheResetTime()
    {
        var server = await ServerAsync();
        server.Add(Start.AddMinutes(-5), "Limited", ["acmecrm"]);
        server.Override(async c =>
        {
            c.Response.Headers["X-RateLimit-Remaining"] = "0";
            c.Response.Headers["X-RateLimit-Reset"] = "2026-01-01T13:00:00.000Z";
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync("[]");
        });
        var (sut, _) = await CreateSutAsync();

        await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        var requests = server.Requests.ToArray();
        Assert.True(requests[1].At >= new DateTimeOffset(2026, 1, 1, 13, 0, 0, TimeSpan.Zero), $"second request at {requests[1].At}");
        Assert.Contains(_host.LogsAtLeast(LogLevel.Information), r => r.Message.Contains("rate limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_FirstRunStartNow_DeliversOnlyStatusesAfterTheStart()
    {
        var server = await ServerAsync();
        server.Add(Start.AddHours(-1), "Before", ["acmecrm"]);
        var (sut, _) = await CreateSutAsync(o => o.FirstRun = FirstRunMode.StartNow);
        server.Add(Start.AddHours(1), "After", ["acmecrm"]);

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.StartsWith("After", Assert.Single(batches.AllPosts()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RestartFromCheckpoint_DeliversEverythingOnceWithoutGaps()
    {
        var server = await ServerAsync();
        for (var i = 0; i < 100; i++)
        {
            server.Add(Start.AddHours(-3).AddMinutes(i), $"Status {i}", ["acmecrm"]);
        }

        var (sut, _) = await CreateSutAsync();
        var first = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 40);
        for (var i = 100; i < 130; i++)
        {
            server.Add(Start.AddHours(-3).AddMinutes(i), $"Status {i}", ["acmecrm"]);
        }

        var second = await _host.ReadUntilAsync(sut, first[^1].Checkpoint, b => first.AllPosts().Count + b.AllPosts().Count >= 130);

        var texts = first.AllPosts().Concat(second.AllPosts()).Select(p => p.Text.Split(' ')[1]).ToList();
        Assert.Equal(Enumerable.Range(0, 130).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), texts);
    }

    [Fact]
    public void AddMastodon_InvalidOptions_FailValidationWithClearMessages()
    {
        _host.Builder.AddMastodon("bad", o =>
        {
            o.Instance = new Uri("ftp://example.com");
            o.Hashtags.Add("not a tag");
            o.PageSize = 41;
        });

        var ex = Assert.Throws<OptionsValidationException>(() => _host.Source("bad"));

        Assert.Contains(ex.Failures, f => f.Contains("Instance must be an absolute http or https address", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'not a tag', which is not a hashtag", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("The field bad.PageSize must be between 1 and 40.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_TooManyRequestsWithRetryAfter_WaitsThatLong()
    {
        var server = await ServerAsync();
        server.Add(Start.AddMinutes(-5), "After the wait", ["acmecrm"]);
        server.Override(429, headers: r => r.Headers.RetryAfter = "600");
        var (sut, _) = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        var requests = server.Requests.ToArray();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(600), $"waited {requests[1].At - requests[0].At}");
        Assert.Single(batches.AllPosts());
    }

    [Fact]
    public async Task ReadAsync_ServerErrorThenSuccess_IsRetriedWithoutLosingThePage()
    {
        var server = await ServerAsync();
        server.Add(Start.AddMinutes(-5), "Survived a 500", ["acmecrm"]);
        server.Override(500);
        var (sut, _) = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.StartsWith("Survived a 500", Assert.Single(batches.AllPosts()).Text, StringComparison.Ordinal);
        Assert.Empty(_host.LogsAtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task ReadAsync_BodyOverTheCap_IsSkippedAndTheNextPageIsRead()
    {
        var server = await ServerAsync();
        server.Add(Start.AddMinutes(-5), "Small page", ["acmecrm"]);
        server.Override(200, "[" + string.Join(",", Enumerable.Repeat("{\"id\":\"1\",\"content\":\"" + new string('x', 500) + "\"}", 10)) + "]");
        var (sut, _) = await CreateSutAsync(o => o.MaxResponseBytes = 2048);

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Contains("larger than 2048 bytes", Assert.Single(batches.AllSkipped()).Reason, StringComparison.Ordinal);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Error), r => r.Message.Contains("larger than 2048", StringComparison.Ordinal));
        Assert.Single(batches.AllPosts());
    }
}
