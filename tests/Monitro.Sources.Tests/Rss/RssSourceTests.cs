using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Sources.Rss;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Rss;

public sealed class RssSourceTests : IAsyncDisposable
{
    private readonly SourceTestHost _host = new();
    private readonly ScriptedEndpoint _feed;
    private LoopbackServer? _server;

    public RssSourceTests() => _feed = new ScriptedEndpoint(_host.Time);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<IListeningSource> CreateSutAsync(
        Action<RssSourceOptions>? configure = null, bool googleAlerts = false, Action<HttpStandardResilienceOptions>? resilience = null)
    {
        _server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", _feed.HandleAsync));
        void Configure(RssSourceOptions o)
        {
            o.FeedUrl = _server.Url("feed");
            o.PollInterval = TimeSpan.FromMinutes(1);
            o.RequestsPerMinute = 10_000;
            o.FirstRun = FirstRunMode.EverythingAvailable;
            configure?.Invoke(o);
        }

        if (googleAlerts)
        {
            _host.Builder.AddGoogleAlerts("alerts", Configure, resilience ?? SourceTestHost.FastResilience);
            return _host.Source("alerts");
        }

        _host.Builder.AddRss("blog", Configure, resilience ?? SourceTestHost.FastResilience);
        return _host.Source("blog");
    }

    [Fact]
    public async Task ReadAsync_GoogleAlertsFeed_DeliversPlainTextPostsWithUnwrappedLinks()
    {
        _feed.Then(200, FeedFixtures.GoogleAlerts(
            FeedFixtures.GoogleAlertEntry("12501224780620368192", "&lt;b&gt;Acme CRM&lt;/b&gt; raises Series B", "https://news.example.com/2025/12/31/acme-crm-series-b/", "2025-12-31T14:26:15Z"),
            FeedFixtures.GoogleAlertEntry("12501224780620368193", "Review: &lt;b&gt;Acme CRM&lt;/b&gt; in 2026", "https://reviews.example.org/acme", "2025-12-31T15:00:00Z")), "application/atom+xml");
        var sut = await CreateSutAsync(googleAlerts: true);

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 2);

        var post = batches.AllPosts()[0];
        Assert.Equal("rss:tag:google.com,2013:googlealerts/feed:12501224780620368192", post.Id);
        Assert.Equal("rss", post.Source);
        Assert.Equal("rss", post.Author.Platform);
        Assert.Equal("news.example.com", post.Author.Handle);
        Assert.Equal(new Uri("https://news.example.com/2025/12/31/acme-crm-series-b/"), post.Url);
        Assert.StartsWith("Acme CRM raises Series B\nThe company behind Acme CRM said", post.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", post.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 14, 26, 15, TimeSpan.Zero), post.CreatedAt);
        Assert.Contains("https://news.example.com/2025/12/31/acme-crm-series-b/", post.Entities.Links);
    }

    [Fact]
    public async Task ReadAsync_UnchangedFeed_SendsValidatorsAndDeliversOnlyNewEntries()
    {
        _feed.Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 2)), "application/rss+xml", r =>
            {
                r.Headers.ETag = "\"v1\"";
                r.Headers.LastModified = "Wed, 31 Dec 2025 10:00:00 GMT";
            })
            .Then(304)
            .Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 3)), "application/rss+xml", r => r.Headers.ETag = "\"v2\"")
            .Then(304);
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 3 && _feed.Requests.Count >= 4);

        Assert.Equal(["Post 1 about Acme", "Post 2 about Acme", "Post 3 about Acme"], batches.AllPosts().Select(p => p.Text.Split('\n')[0]));
        var requests = _feed.Requests.ToArray();
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1\"", requests[1].Header("If-None-Match"));
        Assert.Equal("Wed, 31 Dec 2025 10:00:00 GMT", requests[1].Header("If-Modified-Since"));
        Assert.Equal("\"v2\"", requests[3].Header("If-None-Match"));
    }

    [Fact]
    public async Task ReadAsync_FirstRunStartNow_SkipsEntriesPublishedBeforeTheStart()
    {
        var old = FeedFixtures.RssItem("old", "Old post", "Mon, 1 Dec 2025 10:00:00 GMT");
        var fresh = FeedFixtures.RssItem("fresh", "Fresh post", "Thu, 1 Jan 2026 12:30:00 GMT");
        var newer = FeedFixtures.RssItem("newer", "Newer post", "Thu, 1 Jan 2026 12:00:00 GMT");
        _feed.Then(200, FeedFixtures.Rss(old, fresh), "application/rss+xml").Then(200, FeedFixtures.Rss(old, fresh, newer), "application/rss+xml");
        var sut = await CreateSutAsync(o => o.FirstRun = FirstRunMode.StartNow);

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 2);

        // "newer" is dated before the start but appeared after the first read: it is new to the feed, so it is delivered.
        Assert.Equal(["Fresh post", "Newer post"], batches.AllPosts().Select(p => p.Text.Split('\n')[0]));
    }

    [Fact]
    public async Task ReadAsync_BillionLaughs_IsRefusedLoggedAndTheNextPollGoesOn()
    {
        _feed.Then(200, FeedFixtures.BillionLaughs, "application/rss+xml").Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 1)), "application/rss+xml");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        var skipped = Assert.Single(batches.AllSkipped());
        Assert.Contains("DTD", skipped.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(batches.AllPosts(), p => p.Text.Contains("lollol", StringComparison.Ordinal));
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("DTD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ExternalEntity_IsRefusedWithoutReadingTheFile()
    {
        _feed.Then(200, FeedFixtures.ExternalEntity, "application/rss+xml").Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 1)), "application/rss+xml");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Contains("DTD", Assert.Single(batches.AllSkipped()).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(batches.AllPosts(), p => p.Text.Contains("root:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_BodyOverTheCap_IsSkippedAndLogged()
    {
        var huge = FeedFixtures.Rss(FeedFixtures.Items(1, 400));
        _feed.Then(200, huge, "application/rss+xml").Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 1)), "application/rss+xml");
        var sut = await CreateSutAsync(o => o.MaxResponseBytes = 64 * 1024);
        using var skippedMetric = _host.Metric("monitro.source.items.skipped");

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Contains("larger than 65536 bytes", Assert.Single(batches.AllSkipped()).Reason, StringComparison.Ordinal);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Error), r => r.Message.Contains("larger than 65536", StringComparison.Ordinal));
        Assert.Equal(1, skippedMetric.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task ReadAsync_MalformedXmlAfterSomeItems_KeepsTheItemsBeforeAndCountsASkip()
    {
        var broken = FeedFixtures.Rss(FeedFixtures.Items(1, 2)).Replace("</channel>", "<item><title>cut", StringComparison.Ordinal);
        _feed.Then(200, broken, "application/rss+xml");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.Count >= 1);

        Assert.Equal(2, batches[0].Posts.Count);
        Assert.Contains("malformed XML", Assert.Single(batches[0].Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ItemsWithOnlyADescription_AreDeliveredOnceWithIdsDerivedFromTheirContent()
    {
        const string Feed = """
            <rss version="2.0"><channel><title>Notes</title>
            <item><description>First note about Acme</description></item>
            <item><description>Second note about Acme</description><link>/notes/2</link></item>
            </channel></rss>
            """;
        _feed.Then(200, Feed, "application/rss+xml");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => _feed.Requests.Count >= 3);

        var posts = batches.AllPosts();
        Assert.Equal(["First note about Acme", "Second note about Acme"], posts.Select(p => p.Text));
        Assert.StartsWith("rss:sha256:", posts[0].Id, StringComparison.Ordinal);
        Assert.Equal(_server!.Url("notes/2"), posts[1].Url);
        Assert.Empty(batches.AllSkipped());
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_ReplacesTheBadBytesLogsAndKeepsEveryItem()
    {
        var xml = FeedFixtures.Rss(FeedFixtures.RssItem("a", "Caf\u00e9 talk", "Wed, 31 Dec 2025 10:00:00 GMT"), FeedFixtures.RssItem("b", "BADHERE", "Wed, 31 Dec 2025 11:00:00 GMT"));
        var bytes = Encoding.UTF8.GetBytes(xml).ToList();
        var at = Encoding.UTF8.GetBytes(xml).AsSpan().IndexOf("BADHERE"u8);
        bytes.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF });
        _feed.ThenBytes(200, [.. bytes], "application/rss+xml");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.Count >= 1);

        var posts = batches.AllPosts();
        Assert.Equal(2, posts.Count);
        Assert.StartsWith("Caf\u00e9 talk", posts[0].Text, StringComparison.Ordinal);
        Assert.Contains("\uFFFD", posts[1].Text, StringComparison.Ordinal);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("not valid utf-8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_DeclaredWindows1252_DecodesTheText()
    {
        var xml = FeedFixtures.Rss(FeedFixtures.RssItem("a", "Caf\u00e9 \u20ac", "Wed, 31 Dec 2025 10:00:00 GMT"))
            .Replace("encoding=\"UTF-8\"", "encoding=\"windows-1252\"", StringComparison.Ordinal);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _feed.ThenBytes(200, Encoding.GetEncoding(1252).GetBytes(xml), "application/rss+xml");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.Count >= 1);

        Assert.StartsWith("Caf\u00e9 \u20ac", Assert.Single(batches.AllPosts()).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(401)]
    public async Task ReadAsync_ClientError_IsLoggedReportedInHealthAndPollingGoesOn(int status)
    {
        _feed.Then(status).Then(status).Then(status).Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 1)), "application/rss+xml");
        var sut = await CreateSutAsync(o => o.FailureThreshold = 3);

        var failing = false;
        var batches = await _host.ReadUntilAsync(sut, null, b =>
        {
            failing |= _host.Health.Find("blog")!.IsFailing;
            return b.AllPosts().Count >= 1;
        });

        Assert.Single(batches.AllPosts());
        Assert.True(failing);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains($"HTTP {status}", StringComparison.Ordinal));
        var health = _host.Health.Find("blog")!;
        Assert.Equal(0, health.ConsecutiveFailures);
        Assert.NotNull(health.LastFailure);
        Assert.NotNull(health.LastSuccess);
    }

    [Fact]
    public async Task ReadAsync_ServerErrorThenSuccess_IsRetriedWithinTheSamePoll()
    {
        _feed.Then(500).Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 2)), "application/rss+xml");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 2);

        Assert.Equal(2, batches.AllPosts().Count);
        Assert.Empty(_host.LogsAtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task ReadAsync_TooManyRequestsWithRetryAfter_WaitsThatLongBeforeTheRetry()
    {
        _feed.Then(429, headers: r => r.Headers.RetryAfter = "600").Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 1)), "application/rss+xml");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        var requests = _feed.Requests.ToArray();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(600), $"waited {requests[1].At - requests[0].At}");
        Assert.Single(batches.AllPosts());
    }

    [Fact]
    public async Task ReadAsync_ServerNeverAnswers_TimesOutLogsAndTheNextPollSucceeds()
    {
        _feed.Then(async context => await Task.Delay(Timeout.Infinite, context.RequestAborted))
            .Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 1)), "application/rss+xml");
        var sut = await CreateSutAsync(resilience: o =>
        {
            SourceTestHost.FastResilience(o);
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
            o.AttemptTimeout.Timeout = TimeSpan.FromMinutes(2);
        });

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 1);

        Assert.Single(batches.AllPosts());
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("Source blog failed (timeout)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_RestartFromCheckpoint_DeliversEverythingOnceWithoutGaps()
    {
        _feed.Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 3)), "application/rss+xml")
            .Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 5)), "application/rss+xml");
        var sut = await CreateSutAsync();
        var first = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 3);

        // While stopped, the feed gains entries; then the source restarts from the last checkpoint.
        _feed.Then(200, FeedFixtures.Rss(FeedFixtures.Items(2, 6)), "application/rss+xml");
        var second = await _host.ReadUntilAsync(sut, first[^1].Checkpoint, b => b.AllPosts().Count + first.AllPosts().Count >= 7 && _feed.Requests.Count >= 4);

        var ids = first.AllPosts().Concat(second.AllPosts()).Select(p => p.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"rss:127.0.0.1/post-{i}").Order(), ids.Order());
    }

    [Fact]
    public async Task AddRss_WithoutFeedUrl_FailsValidationNamingTheSourceAndOption()
    {
        _host.Builder.AddRss("broken", o => o.PollInterval = TimeSpan.FromMilliseconds(1));

        var ex = Assert.Throws<OptionsValidationException>(() => _host.Source("broken"));

        Assert.Contains(ex.Failures, f => f.Contains("Source 'broken': FeedUrl is required.", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("PollInterval", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    [Fact]
    public void AddRss_SameNameTwice_Throws()
    {
        _host.Builder.AddRss("twice", o => o.FeedUrl = new Uri("https://example.com/feed"));

        var ex = Assert.Throws<InvalidOperationException>(() => _host.Builder.AddRss("twice", o => o.FeedUrl = new Uri("https://example.com/other")));

        Assert.Contains("'twice'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Requests_AreCountedByStatusCode()
    {
        _feed.Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 1)), "application/rss+xml", r => r.Headers.ETag = "\"e\"").Then(304);
        var sut = await CreateSutAsync();
        using var requests = _host.Metric("monitro.source.requests");

        // Wait for the measurements themselves: a response is counted after the server has seen its request.
        await _host.ReadUntilAsync(sut, null, _ => requests.GetMeasurementSnapshot().Count(m => (int)m.Tags["http.response.status_code"]! == 304) >= 2);

        var measurements = requests.GetMeasurementSnapshot();
        Assert.Contains(measurements, m => (int)m.Tags["http.response.status_code"]! == 200 && (string)m.Tags["monitro.source"]! == "blog");
        Assert.True(measurements.Count(m => (int)m.Tags["http.response.status_code"]! == 304) >= 2);
    }

    [Fact]
    public async Task ReadAsync_UnreadableCheckpoint_IsLoggedAndTheSourceStartsAsOnAFirstRun()
    {
        _feed.Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 2)), "application/rss+xml");
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, new SourceCheckpoint("blog", "{not json"), b => b.AllPosts().Count >= 2);

        Assert.Equal(2, batches.AllPosts().Count);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("could not read its checkpoint", StringComparison.Ordinal));
    }
}
