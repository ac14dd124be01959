using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Monitro.Sources.Tests.Infrastructure;
using Monitro.Sources.Tests.Rss;

namespace Monitro.Sources.Tests.Common;

/// <summary>
/// A real server on 127.0.0.1 that answers as a broken or hostile one would: a body that stalls or comes one byte at a time, a connection reset in the middle of the body, a Retry-After years
/// away, in the past or unreadable, feeds nested 100,000 levels deep, with 10,000 items, with a title of a megabyte,
/// with a charset that does not exist or contradicts the bytes. Each ends in a clear, counted failure or skip, the
/// source keeps going and the next good answer is delivered whole.
/// </summary>
public sealed class HostileServerTests : IAsyncDisposable
{
    private const int Cap = 256 * 1024;
    private SourceTestHost _host = new();
    private LoopbackServer? _server;

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("stall")]
    [InlineData("one byte at a time")]
    public async Task ReadAsync_BodyThatNeverEnds_FailsAsATimeoutAndTheNextPollIsDelivered(string how)
    {
        var body = Encoding.UTF8.GetBytes(FeedFixtures.Rss(FeedFixtures.Items(1, 50)));
        var feed = new ScriptedEndpoint(_host.Time).Then(async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, 100), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            for (var i = 100; i < body.Length; i++)
            {
                // A byte every real 50 ms (fifty seconds on the pumped clock), or nothing at all.
                await Task.Delay(how == "stall" ? Timeout.Infinite : 50, context.RequestAborted);
                await context.Response.Body.WriteAsync(body.AsMemory(i, 1), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }).Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 2)), "application/rss+xml");

        // The body has as long as the whole request may take: two hours on the pumped clock, seven real seconds.
        var source = await CreateSourceAsync(feed, totalTimeout: TimeSpan.FromHours(2));

        var batches = await _host.ReadUntilAsync(source, null, b => b.AllPosts().Count >= 2);

        Assert.Equal(2, batches.AllPosts().Count);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("Source blog failed (timeout)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ConnectionResetInTheMiddleOfTheBody_IsATransportFailureAndTheNextPollIsDelivered()
    {
        var body = Encoding.UTF8.GetBytes(FeedFixtures.Rss(FeedFixtures.Items(1, 50)));
        var feed = new ScriptedEndpoint(_host.Time).Then(async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
        }).Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 2)), "application/rss+xml");
        var source = await CreateSourceAsync(feed, noRetries: true);

        var batches = await _host.ReadUntilAsync(source, null, b => b.AllPosts().Count >= 2);

        Assert.Equal(["rss:127.0.0.1/post-1", "rss:127.0.0.1/post-2"], batches.AllPosts().Select(p => p.Id).Order());
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("Source blog failed (transport)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(429, "99999999")]
    [InlineData(503, "2147483647")]
    [InlineData(429, "Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData(403, "4000000")]
    public async Task ReadAsync_RetryAfterYearsAway_WaitsAtMostADayAndKeepsTheSourceRunning(int status, string retryAfter)
    {
        await FailOnceThenDeliverAsync(status, r => r.Headers.RetryAfter = retryAfter, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains($"Source blog failed (http_{status})", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Thu, 01 Jan 1970 00:00:00 GMT")]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("1e9")]
    [InlineData("")]
    public async Task ReadAsync_RetryAfterInThePastOrUnreadable_RetriesAfterTheOwnBackoff(string retryAfter)
    {
        // The source's own backoff: RetryInitialDelay (5 s) shortened by up to a fifth.
        await FailOnceThenDeliverAsync(503, r => r.Headers.TryAdd("Retry-After", retryAfter), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("elements")]
    [InlineData("xhtml")]
    [InlineData("escaped html")]
    [InlineData("cdata html")]
    public async Task ReadAsync_ItemNestedAHundredThousandLevels_IsReadOrSkippedAndTheOthersAreDelivered(string how)
    {
        const int levels = 100_000;
        var nested = how switch
        {
            "elements" => "<x>" + Repeat("<a>", levels) + "deep" + Repeat("</a>", levels) + "</x>",
            "xhtml" => "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" + Repeat("<b>", levels) + "deep" + Repeat("</b>", levels) + "</div></content>",
            "escaped html" => "<description>" + Repeat("&lt;b&gt;", levels) + "deep" + Repeat("&lt;/b&gt;", levels) + "</description>",
            _ => "<description><![CDATA[" + Repeat("<i>", levels) + "deep" + Repeat("</i>", levels) + "]]></description>",
        };
        var items = FeedFixtures.RssItem("post-1", "Before", "Wed, 3 Dec 2025 10:00:00 GMT")
            + "<item><guid>post-2</guid><title>Deep</title>" + nested + "</item>"
            + FeedFixtures.RssItem("post-3", "After", "Wed, 3 Dec 2025 11:00:00 GMT");
        var feed = new ScriptedEndpoint(_host.Time).Then(200, FeedFixtures.Rss(items), "application/rss+xml");
        var source = await CreateSourceAsync(feed, cap: 8 * 1024 * 1024);

        var batches = await _host.ReadUntilAsync(source, null, b => b.Count >= 1);

        var ids = batches.AllPosts().Select(p => p.Id).ToList();
        Assert.Contains("rss:127.0.0.1/post-1", ids);
        Assert.Contains("rss:127.0.0.1/post-3", ids);
        Assert.Equal(3, ids.Count + batches.AllSkipped().Count);
    }

    [Fact]
    public async Task ReadAsync_TenThousandItemsAndAMegabyteTitle_AreAllDelivered()
    {
        var title = Repeat("Acme ", 200_000);
        var items = FeedFixtures.Items(1, 10_000) + FeedFixtures.RssItem("post-huge", title, "Wed, 3 Dec 2025 10:00:00 GMT", description: title);
        var feed = new ScriptedEndpoint(_host.Time).Then(200, FeedFixtures.Rss(items), "application/rss+xml");
        var source = await CreateSourceAsync(feed, cap: 16 * 1024 * 1024);

        var batches = await _host.ReadUntilAsync(source, null, b => b.Count >= 1);

        var posts = batches.AllPosts();
        Assert.Equal(10_001, posts.Select(p => p.Id).Distinct().Count());
        Assert.Empty(batches.AllSkipped());
        Assert.Contains(posts, p => p.Id == "rss:127.0.0.1/post-huge" && p.Text.Length >= title.Trim().Length);
    }

    [Theory]
    [InlineData("application/rss+xml; charset=x-no-such-charset", "utf-8")]
    [InlineData("application/rss+xml; charset=utf-8", "utf-16")]
    [InlineData("application/rss+xml; charset=utf-16", "utf-8")]
    [InlineData("application/rss+xml; charset=\"\"", "utf-8")]
    [InlineData("text/xml; charset=iso-8859-1", "utf-8 with a BOM")]
    [InlineData("application/rss+xml; charset=utf-32", "utf-8")]
    public async Task ReadAsync_CharsetThatDoesNotExistOrLies_DeliversTheItemsOrSkipsThemWithAReason(string contentType, string encoding)
    {
        var text = FeedFixtures.Rss(FeedFixtures.RssItem("post-1", "Café Acme", "Wed, 3 Dec 2025 10:00:00 GMT"), FeedFixtures.RssItem("post-2", "Straße", "Wed, 3 Dec 2025 11:00:00 GMT"));
        var bytes = encoding switch
        {
            "utf-16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            "utf-8 with a BOM" => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
            _ => Encoding.UTF8.GetBytes(text),
        };
        var feed = new ScriptedEndpoint(_host.Time).ThenBytes(200, bytes, contentType);
        var source = await CreateSourceAsync(feed);

        var batches = await _host.ReadUntilAsync(source, null, b => b.Count >= 1);

        Assert.Equal(2, batches.AllPosts().Count + batches.AllSkipped().Count);
        Assert.All(batches.AllSkipped(), s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.All(batches.AllPosts(), p => Assert.DoesNotContain('\0', p.Text));
    }

    [Theory]
    [InlineData("array")]
    [InlineData("object")]
    [InlineData("inside a status")]
    public async Task ReadAsync_JsonNestedAHundredThousandLevels_IsSkippedAndTheNextPollIsDelivered(string how)
    {
        const int levels = 100_000;
        var deep = how switch
        {
            "array" => Repeat("[", levels) + Repeat("]", levels),
            "object" => Repeat("{\"a\":", levels) + "1" + Repeat("}", levels),
            _ => "[{\"id\":\"1\",\"uri\":\"x\",\"content\":" + Repeat("[", levels) + Repeat("]", levels) + "}]",
        };
        var timeline = new ScriptedEndpoint(_host.Time).Then(200, deep).Then(200, "[]");
        _server = await LoopbackServer.StartAsync(app => app.MapGet("/api/v1/timelines/tag/{tag}", timeline.HandleAsync));
        _host.Builder.AddMastodon("social", o =>
        {
            o.Instance = _server.BaseAddress;
            o.Hashtags.Add("acmecrm");
            o.PollInterval = TimeSpan.FromMinutes(1);
            o.RequestsPerMinute = 10_000;
            o.FirstRun = FirstRunMode.EverythingAvailable;
        }, SourceTestHost.FastResilience);

        var batches = await _host.ReadUntilAsync(_host.Source("social"), null, b => b.AllSkipped().Count >= 1 && timeline.Requests.Count >= 2);

        var skipped = batches.AllSkipped()[0];
        Assert.False(string.IsNullOrWhiteSpace(skipped.Reason));
        Assert.True(skipped.Excerpt is null || skipped.Excerpt.Length <= 1_000, $"an excerpt of {skipped.Excerpt?.Length} characters");
    }

    // A feed that fails once with the given status and headers, then answers with one item: the source waits between
    // the given bounds before its next poll, delivers the item and stops when asked.
    private async Task FailOnceThenDeliverAsync(int status, Action<HttpResponse> headers, TimeSpan shortestWait, TimeSpan longestWait)
    {
        await _host.DisposeAsync();
        _host = new SourceTestHost(pumpClock: false);
        var feed = new ScriptedEndpoint(_host.Time)
            .Then(status, headers: headers)
            .Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 1)), "application/rss+xml");
        var source = await CreateSourceAsync(feed, noRetries: true);
        using var stop = new CancellationTokenSource();
        var posts = 0;
        var reading = Task.Run(
            async () =>
            {
                await foreach (var batch in source.ReadAsync(null, stop.Token))
                {
                    Interlocked.Add(ref posts, batch.Posts.Count);
                }
            },
            CancellationToken.None);

        var wait = await NextWaitAsync(reading);
        Assert.InRange(wait, shortestWait, longestWait);
        _host.Time.Advance(wait);
        await WaitUntilAsync(reading, () => Volatile.Read(ref posts) == 1);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    private async Task<IListeningSource> CreateSourceAsync(ScriptedEndpoint feed, bool noRetries = false, long cap = Cap, TimeSpan? totalTimeout = null)
    {
        _server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", feed.HandleAsync));
        var url = _server.Url("feed");
        _host.Builder.AddRss(
            "blog",
            o =>
            {
                o.FeedUrl = url;
                o.PollInterval = TimeSpan.FromMinutes(30);
                o.RetryInitialDelay = TimeSpan.FromSeconds(5);
                o.RetryMaxDelay = TimeSpan.FromMinutes(1);
                o.RequestsPerMinute = 10_000;
                o.MaxResponseBytes = cap;
                o.FirstRun = FirstRunMode.EverythingAvailable;
            },
            (HttpStandardResilienceOptions o) =>
            {
                SourceTestHost.FastResilience(o);
                if (totalTimeout is { } total)
                {
                    o.AttemptTimeout.Timeout = total / 2;
                    o.TotalRequestTimeout.Timeout = total;
                }

                if (noRetries)
                {
                    o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                }
            });
        return _host.Source("blog");
    }

    // Waits until the source starts its next wait on the unpumped clock (not the resilience handler's timeouts, of two
    // and twelve hours, nor the body's, of twelve) and returns it; fails if the read ends first.
    private async Task<TimeSpan> NextWaitAsync(Task reading)
    {
        TimeSpan wait = default;
        await WaitUntilAsync(reading, () =>
        {
            while (_host.Waits.TryDequeue(out var due))
            {
                if (due > TimeSpan.Zero && due != TimeSpan.FromHours(2) && due != TimeSpan.FromHours(12))
                {
                    wait = due;
                    return true;
                }
            }

            return false;
        });
        return wait;
    }

    private static async Task WaitUntilAsync(Task reading, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (reading.IsCompleted)
            {
                await reading; // shows why the read ended
                Assert.Fail("The source stopped by itself.");
            }

            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 30 s.");
            await Task.Delay(5);
        }
    }

    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();
}
