using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Sources.HackerNews;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.HackerNews;

public sealed class HackerNewsSourceTests : IAsyncDisposable
{
    private static readonly long Start = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private readonly SourceTestHost _host = new();
    private FakeAlgoliaServer? _server;

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<FakeAlgoliaServer> ServerAsync() => _server ??= await FakeAlgoliaServer.StartAsync();

    private async Task<IListeningSource> CreateSutAsync(Action<HackerNewsSourceOptions>? configure = null)
    {
        var server = await ServerAsync();
        _host.Builder.AddHackerNews("hn", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Query = "acme";
            o.HitsPerPage = 20;
            o.PollInterval = TimeSpan.FromMinutes(1);
            o.RequestsPerMinute = 10_000;
            o.FirstRun = FirstRunMode.Since;
            o.FirstRunSince = DateTimeOffset.FromUnixTimeSeconds(Start - 86_400);
            configure?.Invoke(o);
        }, SourceTestHost.FastResilience);
        return _host.Source("hn");
    }

    [Fact]
    public async Task ReadAsync_CommentAndStory_AreNormalized()
    {
        var server = await ServerAsync();
        server.AddComment(Start - 3600, "We moved off <em>Acme</em> CRM last quarter; <a href=\"https://acme.example/pricing\">pricing</a> &amp; rate limits.");
        server.AddStory(Start - 1800, "Acme CRM raises Series B", "https://news.example.com/acme");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 2);

        var comment = batches.AllPosts().Single(p => p.Id == "hackernews:41234001");
        Assert.Equal("We moved off Acme CRM last quarter; pricing & rate limits.", comment.Text);
        Assert.Equal("throwaway_ops42", comment.Author.Handle);
        Assert.Equal("hackernews", comment.Author.Platform);
        Assert.Equal("hackernews:41234601", comment.ReplyToId);
        Assert.Equal("hackernews:41234567", comment.ThreadId);
        Assert.Equal(new Uri("https://news.ycombinator.com/item?id=41234001"), comment.Url);
        Assert.Equal(["https://acme.example/pricing"], comment.Entities.Links);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Start - 3600), comment.CreatedAt);
        var story = batches.AllPosts().Single(p => p.Id == "hackernews:41234002");
        Assert.Equal("Acme CRM raises Series B", story.Text);
        Assert.False(story.IsReply);
        Assert.Equal(["https://news.example.com/acme"], story.Entities.Links);
        Assert.Contains(server.Requests, r => r.Contains("tags=%28story%2Ccomment%29", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_MoreHitsThanTheCap_SlicesTheWindowAndDeliversEveryHitOnce()
    {
        var server = await ServerAsync();
        server.HitCap = 50;
        for (var i = 0; i < 130; i++)
        {
            server.AddComment(Start - 80_000 + (i * 300), $"Acme comment {i}");
        }

        var sut = await CreateSutAsync(o => o.HitCap = 50);

        List<SourceBatch> batches;
        try
        {
            batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 130);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(string.Join("\n", server.Requests.Take(40).Select(Uri.UnescapeDataString)), ex);
        }

        var ids = batches.AllPosts().Select(p => p.Id).ToList();
        Assert.Equal(130, ids.Count);
        Assert.Equal(130, ids.Distinct().Count());
        Assert.Contains(_host.Logs.GetSnapshot(), r => r.Message.Contains("narrowed its search window", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_NewHitsAfterCatchingUp_AreDeliveredOnTheNextPoll()
    {
        var server = await ServerAsync();
        server.AddComment(Start - 100, "Acme early");
        var sut = await CreateSutAsync();

        var added = false;
        var batches = await _host.ReadUntilAsync(sut, null, b =>
        {
            if (!added && b.AllPosts().Count == 1)
            {
                added = true;
                server.AddComment(_host.Time.GetUtcNow().ToUnixTimeSeconds() + 1, "Acme late");
            }

            return b.AllPosts().Count >= 2;
        });

        Assert.Equal(["Acme early", "Acme late"], batches.AllPosts().Select(p => p.Text));
    }

    [Fact]
    public async Task ReadAsync_HitWithAFieldOfTheWrongType_SkipsOnlyThatHit()
    {
        var server = await ServerAsync();
        server.AddComment(Start - 300, "Acme one");
        server.AddComment(Start - 200, "Acme two")["parent_id"] = "not a number";
        server.AddComment(Start - 100, "Acme three");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 2 && b.AllSkipped().Count >= 1);

        Assert.Equal(["Acme one", "Acme three"], batches.AllPosts().Select(p => p.Text));
        Assert.Contains("unexpected type", Assert.Single(batches.AllSkipped()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TruncatedJsonThenServerError_AreReportedAndThePageIsReadAgain()
    {
        var server = await ServerAsync();
        server.AddComment(Start - 300, "Acme survives");
        server.Override(async c => await c.Response.WriteAsync("{\"hits\":[{\"objectID\":\"1\",\"auth"));
        server.Override(c =>
        {
            c.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Contains("not valid JSON", Assert.Single(batches.AllSkipped()).Reason, StringComparison.Ordinal);
        Assert.Equal("Acme survives", Assert.Single(batches.AllPosts()).Text);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_RestartFromCheckpoint_DeliversEverythingOnceWithoutGaps()
    {
        var server = await ServerAsync();
        for (var i = 0; i < 70; i++)
        {
            server.AddComment(Start - 50_000 + (i * 600), $"Acme {i}");
        }

        var sut = await CreateSutAsync();
        var first = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 20);
        for (var i = 70; i < 80; i++)
        {
            server.AddComment(_host.Time.GetUtcNow().ToUnixTimeSeconds() + 5, $"Acme {i}");
        }

        var second = await _host.ReadUntilAsync(sut, first[^1].Checkpoint, b => first.AllPosts().Count + b.AllPosts().Count >= 80);

        var texts = first.AllPosts().Concat(second.AllPosts()).Select(p => p.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 80).Select(i => $"Acme {i}").Order(), texts.Order());
    }

    [Fact]
    public void AddHackerNews_InvalidOptions_FailValidationWithClearMessages()
    {
        _host.Builder.AddHackerNews("bad", o =>
        {
            o.IncludeComments = false;
            o.IncludeStories = false;
            o.HitsPerPage = 5000;
        });

        var ex = Assert.Throws<OptionsValidationException>(() => _host.Source("bad"));

        Assert.Contains(ex.Failures, f => f.Contains("The bad.Query field is required.", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("IncludeStories and IncludeComments", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("The field bad.HitsPerPage must be between 1 and 1000.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_TooManyRequestsWithRetryAfter_WaitsThatLong()
    {
        var server = await ServerAsync();
        server.AddComment(Start - 300, "Acme after the wait");
        server.Override(c =>
        {
            c.Response.StatusCode = 429;
            c.Response.Headers.RetryAfter = "900";
            return Task.CompletedTask;
        });
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Equal("Acme after the wait", Assert.Single(batches.AllPosts()).Text);
        Assert.True(server.Requests.Count >= 2);
    }

    [Fact]
    public async Task ReadAsync_BodyOverTheCap_IsSkippedAndLogged()
    {
        var server = await ServerAsync();
        server.AddComment(Start - 300, "Acme small");
        server.Override(async c => await c.Response.WriteAsync("{\"hits\":[" + string.Join(",", Enumerable.Repeat("{\"comment_text\":\"" + new string('y', 800) + "\"}", 5)) + "]}"));
        var sut = await CreateSutAsync(o => o.MaxResponseBytes = 2048);

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Contains("larger than 2048 bytes", Assert.Single(batches.AllSkipped()).Reason, StringComparison.Ordinal);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Error), r => r.Message.Contains("larger than 2048", StringComparison.Ordinal));
    }
}
