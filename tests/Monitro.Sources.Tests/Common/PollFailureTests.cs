using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Monitro.Sources.Tests.Infrastructure;
using Monitro.Sources.Tests.Rss;

namespace Monitro.Sources.Tests.Common;

/// <summary>A failed poll is retried after its own short backoff and logged as one Warning line.</summary>
public sealed class PollFailureTests : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(30);
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

    [Fact]
    public async Task ReadAsync_FailedPolls_AreRetriedAfterAShortJitteredBackoffNotAfterThePollInterval()
    {
        await _host.DisposeAsync();
        _host = new SourceTestHost(pumpClock: false);
        var feed = new ScriptedEndpoint(_host.Time)
            .Then(404)
            .Then(404)
            .Then(200, FeedFixtures.Rss(FeedFixtures.Items(1, 1)), "application/rss+xml");
        var source = await CreateSourceAsync(feed);
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var unused in source.ReadAsync(null, stop.Token))
            {
            }
        });

        var first = await NextWaitAsync();
        Assert.InRange(first, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
        _host.Time.Advance(first);
        var second = await NextWaitAsync();
        Assert.InRange(second, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10));
        _host.Time.Advance(second);
        var afterSuccess = await NextWaitAsync();

        Assert.Equal(PollInterval, afterSuccess);
        var requests = feed.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal(first, requests[1].At - requests[0].At);
        Assert.Equal(second, requests[2].At - requests[1].At);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_FailedPoll_IsOneWarningLineWithoutStackTraceAndTheDetailsAtDebug(bool serverAnswers500)
    {
        var feed = new ScriptedEndpoint(_host.Time);
        var source = await CreateSourceAsync(feed);
        if (!serverAnswers500)
        {
            // Nothing listens on the port any more: every attempt fails in the transport.
            await _server!.DisposeAsync();
            _server = null;
        }

        using var failures = _host.Metric("monitro.source.poll_failures");
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var unused in source.ReadAsync(null, stop.Token))
            {
            }
        });
        await WaitUntilAsync(() => failures.GetMeasurementSnapshot().Count >= 2);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);

        // Every category counts: the source's own, Polly's and the HTTP client's.
        var records = _host.Logs.GetSnapshot();
        var warnings = records.Where(r => r.Level >= LogLevel.Warning).ToList();
        Assert.Equal(failures.GetMeasurementSnapshot().Count, warnings.Count);
        Assert.All(warnings, w =>
        {
            Assert.Equal(3000, w.Id.Id);
            Assert.Null(w.Exception);
            Assert.DoesNotContain('\n', w.Message);
            Assert.StartsWith("Source blog failed (" + (serverAnswers500 ? "http_500): HTTP 500" : "transport"), w.Message, StringComparison.Ordinal);
            Assert.Contains("; next attempt at ", w.Message, StringComparison.Ordinal);
        });
        Assert.Contains(records, r => r.Level == LogLevel.Debug && r.Exception is not null && r.Category == "Monitro.Sources.blog");
    }

    private async Task<IListeningSource> CreateSourceAsync(ScriptedEndpoint feed)
    {
        _server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", feed.HandleAsync));
        var url = _server.Url("feed");
        _host.Builder.AddRss(
            "blog",
            o =>
            {
                o.FeedUrl = url;
                o.PollInterval = PollInterval;
                o.RetryInitialDelay = TimeSpan.FromSeconds(5);
                o.RetryMaxDelay = TimeSpan.FromMinutes(1);
                o.RequestsPerMinute = 10_000;
                o.FirstRun = FirstRunMode.EverythingAvailable;
            },
            SourceTestHost.FastResilience);
        return _host.Source("blog");
    }

    /// <summary>Waits until the source starts its next wait on the clock and returns how long it is.</summary>
    private async Task<TimeSpan> NextWaitAsync()
    {
        TimeSpan wait = default;
        await WaitUntilAsync(() =>
        {
            // Waits of hours are the resilience handler's timeouts, not the source's.
            while (_host.Waits.TryDequeue(out var due))
            {
                if (due > TimeSpan.Zero && due <= TimeSpan.FromHours(1))
                {
                    wait = due;
                    return true;
                }
            }

            return false;
        });
        return wait;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The source did not get there within 30 s.");
            await Task.Delay(5);
        }
    }
}
