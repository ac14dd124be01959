using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Monitro.Testing;

namespace Monitro.Tests.Pipeline;

public sealed class MentionMonitorTests
{
    [Fact]
    public async Task ListenAsync_FiniteSource_YieldsOneMentionPerMatchingPostAndEnds()
    {
        var posts = TestPosts.Numbered(50, matchEvery: 5);
        await using var provider = MonitroTestHost.Build(b => b.AddSource(new InMemorySource("memory", posts, batchSize: 7)));
        var monitor = provider.GetRequiredService<MentionMonitor>();

        var mentions = await monitor.ListenAllAsync();

        Assert.Equal(10, mentions.Count);
        Assert.All(mentions, m => Assert.Equal("acme", m.Watch.Name));
        Assert.Equal(posts.Where((_, i) => (i + 1) % 5 == 0).Select(p => p.Id), mentions.Select(m => m.Post.Id));
        var store = provider.GetRequiredService<InMemoryMonitroStore>();
        Assert.Equal("50", (await store.GetCheckpointAsync("memory"))!.Value);
        Assert.Equal(10, store.Mentions.Count);
    }

    [Fact]
    public async Task ListenAsync_MentionSpans_PointAtTheMatchedWordInTheOriginalText()
    {
        var post = TestPosts.Create("1", "Honestly, ACME's support rocks");
        await using var provider = MonitroTestHost.Build(b => b.AddSource(new InMemorySource("memory", [post])));

        var mention = Assert.Single(await provider.GetRequiredService<MentionMonitor>().ListenAllAsync());

        var span = Assert.Single(mention.Spans);
        Assert.Equal("ACME", post.Text.Substring(span.Start, span.Length));
    }

    [Fact]
    public async Task ListenAsync_SamePostTwice_IsProcessedOnce()
    {
        var post = TestPosts.Create("1", "acme again");
        var source = new InMemorySource("memory", [post, post, TestPosts.Create("2", "no match"), post], batchSize: 2);
        await using var provider = MonitroTestHost.Build(b => b.AddSource(source));

        var mentions = await provider.GetRequiredService<MentionMonitor>().ListenAllAsync();

        Assert.Single(mentions);
    }

    [Fact]
    public async Task ListenAsync_RestartWithSameStore_ResumesAfterCheckpointWithoutRepeats()
    {
        var store = new InMemoryMonitroStore();
        var posts = TestPosts.Numbered(40);
        var firstRun = new List<Mention>();
        await using (var provider = MonitroTestHost.Build(b =>
        {
            b.Services.AddSingleton<IMonitroStore>(store);
            b.Services.AddSingleton<IAlertOutbox>(store);
            b.AddSource(new InMemorySource("memory", posts, batchSize: 5));
        }))
        {
            using var stop = new CancellationTokenSource();
            await foreach (var mention in provider.GetRequiredService<MentionMonitor>().ListenAsync(stop.Token))
            {
                firstRun.Add(mention);
                if (firstRun.Count == 12)
                {
                    await stop.CancelAsync();
                    break;
                }
            }
        }

        var checkpoint = int.Parse((await store.GetCheckpointAsync("memory"))!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(checkpoint, 12, 40);
        Assert.Equal(checkpoint, store.Mentions.Count);

        await using (var provider = MonitroTestHost.Build(b =>
        {
            b.Services.AddSingleton<IMonitroStore>(store);
            b.Services.AddSingleton<IAlertOutbox>(store);
            b.AddSource(new InMemorySource("memory", posts, batchSize: 5));
        }))
        {
            var secondRun = await provider.GetRequiredService<MentionMonitor>().ListenAllAsync();
            Assert.Equal(40 - checkpoint, secondRun.Count);
            Assert.Empty(secondRun.Select(m => m.Post.Id).Intersect(firstRun.Select(m => m.Post.Id)));
        }

        Assert.Equal(40, store.Mentions.Count);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsCleanlyAndCommittedMentionsStayStored()
    {
        var source = new CountingSource("endless", batchSize: 10);
        var sink = new RecordingSink();
        await using var provider = MonitroTestHost.Build(b => b.AddSource(source).AddSink(sink));
        var monitor = provider.GetRequiredService<MentionMonitor>();
        using var stop = new CancellationTokenSource();

        var run = monitor.RunAsync(stop.Token);
        await MonitroTestHost.WaitUntilAsync(() => sink.Alerts.Count >= 50, "50 alerts were delivered");
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var store = provider.GetRequiredService<InMemoryMonitroStore>();
        var checkpoint = long.Parse((await store.GetCheckpointAsync("endless"))!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(checkpoint, store.Mentions.Count);
        Assert.All(sink.Alerts, alert => Assert.Contains(store.Mentions, m => m.Id == alert.IdempotencyKey));
    }

    [Fact]
    public async Task RunAsync_SlowSink_BoundsHowFarSourcesRunAhead()
    {
        var source = new CountingSource("endless", batchSize: 10);
        var release = new TaskCompletionSource();
        var sink = new RecordingSink { Delay = ct => release.Task.WaitAsync(ct) };
        await using var provider = MonitroTestHost.Build(
            b => b.AddSource(source).AddSink(sink),
            o =>
            {
                o.BatchQueueCapacity = 2;
                o.DeliveryQueueCapacity = 20;
                o.ShutdownGracePeriod = TimeSpan.Zero;
            });
        using var stop = new CancellationTokenSource();
        var run = provider.GetRequiredService<MentionMonitor>().RunAsync(stop.Token);

        // Wait until the pipeline is full and the source stops being read.
        long previous = -1;
        var stableReads = 0;
        await MonitroTestHost.WaitUntilAsync(
            () =>
            {
                var produced = source.Produced;
                stableReads = produced == previous && sink.Attempts > 0 ? stableReads + 1 : 0;
                previous = produced;
                Thread.Sleep(20);
                return stableReads >= 10;
            },
            "the source stopped producing");

        // 20 alerts in flight, a commit waiting for room (a batch and the 2 that were queued behind it, joined), the
        // next batch processed while that commit waits (joined the same way), 2 batches queued again, one being handed over.
        Assert.InRange(source.Produced, 20, 20 + (9 * source.BatchSize));
        await stop.CancelAsync();
        release.SetResult();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RunAsync_ThrowingSourceNextToHealthyOne_HealthyOneIsDeliveredAndFailingOneRetried()
    {
        var failing = new ThrowingSource("broken-feed", failures: -1);
        var healthy = new InMemorySource("healthy", TestPosts.Numbered(30), batchSize: 4);
        var sink = new RecordingSink();
        await using var provider = MonitroTestHost.Build(b => b.AddSource(failing).AddSource(healthy).AddSink(sink));
        using var stop = new CancellationTokenSource();
        var run = provider.GetRequiredService<MentionMonitor>().RunAsync(stop.Token);

        await MonitroTestHost.WaitUntilAsync(() => sink.Alerts.Count == 30 && failing.Attempts >= 3, "the healthy source was delivered and the broken one retried");
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var logs = provider.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Warning && r.Message.StartsWith("Source broken-feed failed (IOException: ", StringComparison.Ordinal) && r.Exception is null);
        Assert.Contains(logs, r => r.Level == LogLevel.Debug && r.Exception is IOException);
    }

    [Fact]
    public async Task RunAsync_SourceRecoversAfterFailures_DeliversItsPostsAndEnds()
    {
        var flaky = new ThrowingSource("flaky", failures: 2, TestPosts.Numbered(3));
        var sink = new RecordingSink();
        await using var provider = MonitroTestHost.Build(b => b.AddSource(flaky).AddSink(sink));

        await provider.GetRequiredService<MentionMonitor>().RunAsync();

        Assert.Equal(3, sink.Alerts.Count);
        Assert.Equal(3, flaky.Attempts);
    }

    [Fact]
    public async Task RunAsync_SinkFailsThenRecovers_AlertDeliveredOnceAfterRetries()
    {
        var sink = new RecordingSink(failFirst: 2);
        await using var provider = MonitroTestHost.Build(b => b.AddSource(new InMemorySource("memory", [TestPosts.Create("1", "acme")])).AddSink(sink));

        await provider.GetRequiredService<MentionMonitor>().RunAsync();

        var alert = Assert.Single(sink.Alerts);
        Assert.Equal("acme|mastodon:1", alert.IdempotencyKey);
        Assert.Equal(3, sink.Attempts);
        Assert.Equal(0, provider.GetRequiredService<InMemoryMonitroStore>().PendingAlertCount);
    }

    [Fact]
    public async Task RunAsync_SinkDownForGood_AlertIsDeadLetteredWithReason()
    {
        var sink = new RecordingSink(failFirst: -1);
        await using var provider = MonitroTestHost.Build(
            b => b.AddSource(new InMemorySource("memory", [TestPosts.Create("1", "acme")])).AddSink(sink),
            o => o.SinkMaxAttempts = 3);

        await provider.GetRequiredService<MentionMonitor>().RunAsync();

        var store = provider.GetRequiredService<InMemoryMonitroStore>();
        var dead = Assert.Single(store.DeadAlerts);
        Assert.Equal(3, dead.Attempts);
        Assert.Contains("503", dead.Reason, StringComparison.Ordinal);
        Assert.Equal(3, sink.Attempts);
        Assert.Empty(sink.Alerts);
    }

    [Fact]
    public async Task RunAsync_WhileAlreadyRunning_Throws()
    {
        await using var provider = MonitroTestHost.Build(b => b.AddSource(new CountingSource("endless")));
        var monitor = provider.GetRequiredService<MentionMonitor>();
        using var stop = new CancellationTokenSource();
        var run = monitor.RunAsync(stop.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => monitor.RunAsync());

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RunAsync_StoreFails_PipelineStopsWithTheCause()
    {
        await using var provider = MonitroTestHost.Build(b =>
        {
            b.Services.AddSingleton<IMonitroStore>(new FailingStore());
            b.AddSource(new InMemorySource("memory", TestPosts.Numbered(5)));
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetRequiredService<MentionMonitor>().RunAsync());

        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task RunAsync_CountsReadMatchedAndSkippedPerSource()
    {
        var meterFactory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var posts = TestPosts.Numbered(6, matchEvery: 2);
        posts.Add(posts[0] with { Id = "not-prefixed" });
        await using var provider = MonitroTestHost.Build(b =>
        {
            b.Services.AddSingleton(meterFactory);
            b.AddSource(new InMemorySource("memory", posts));
        });
        using var read = new MetricCollector<long>(meterFactory, MonitroDiagnostics.MeterName, "monitro.posts.read");
        using var matched = new MetricCollector<long>(meterFactory, MonitroDiagnostics.MeterName, "monitro.mentions.matched");
        using var skipped = new MetricCollector<long>(meterFactory, MonitroDiagnostics.MeterName, "monitro.items.skipped");

        await provider.GetRequiredService<MentionMonitor>().RunAsync();

        Assert.Equal(7, read.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(3, matched.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, skipped.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(read.GetMeasurementSnapshot(), m => Assert.Equal("memory", m.Tags[MonitroDiagnostics.SourceTag]));
        Assert.Equal("brand", matched.GetMeasurementSnapshot()[0].Tags[MonitroDiagnostics.CategoryTag]);
    }

    [Fact]
    public void Create_TwoSourcesWithOneName_ThrowsNamingIt()
    {
        using var provider = MonitroTestHost.Build(b => b.AddSource(new InMemorySource("same", [])).AddSource(new InMemorySource("same", [])));

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<MentionMonitor>());

        Assert.Contains("'same'", error.Message, StringComparison.Ordinal);
    }

    private sealed class FailingStore : IMonitroStore
    {
        public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default) => ValueTask.FromResult<SourceCheckpoint?>(null);

        public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlySet<string>>(new HashSet<string>());

        public ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("disk full"));
    }
}
