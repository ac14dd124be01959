using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Monitro.Diagnostics;
using Monitro.Pipeline;
using Monitro.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Tests.Diagnostics;

/// <summary>The observable gauges on the "Monitro" meter: outbox depth and dead alerts, batch queue depth and fill, source lag.</summary>
public sealed class MonitroGaugesTests
{
    private readonly FakeTimeProvider _time = new(TestPosts.Epoch);

    [Fact]
    public async Task OutboxDepth_AfterARead_ReportsTheWaitingAndDeadAlerts()
    {
        await using var provider = MonitroTestHost.Build(_ => { }, timeProvider: _time);
        _ = provider.GetRequiredService<PipelineActivity>();
        using var depth = Collect<long>(provider, "monitro.outbox.depth");
        using var dead = Collect<long>(provider, "monitro.outbox.dead_alerts");
        var store = provider.GetRequiredService<IMonitroStore>();
        await store.CommitAsync(M.Batch("1", M.Post("1", "jane"), M.Post("2", "omar"), M.Post("3", "li")));
        var outbox = provider.GetRequiredService<IAlertOutbox>();
        var claimed = await outbox.ClaimDueAsync(1, TimeSpan.FromSeconds(30));
        await outbox.MoveToDeadLetterAsync(claimed[0].Alert.IdempotencyKey, "gone");

        depth.RecordObservableInstruments();
        var beforeFirstRead = depth.GetMeasurementSnapshot().Count;
        await provider.GetRequiredService<OutboxStatisticsCache>().RefreshAsync(CancellationToken.None);
        depth.RecordObservableInstruments();
        dead.RecordObservableInstruments();

        Assert.Equal(0, beforeFirstRead);
        Assert.Equal(2, depth.LastMeasurement?.Value);
        Assert.Equal(1, dead.LastMeasurement?.Value);
    }

    [Fact]
    public async Task OutboxDepth_WhileTheHostRuns_IsSampledEveryPeriod()
    {
        await using var provider = MonitroTestHost.Build(_ => { }, options: o => o.RunInBackground = false, timeProvider: _time);
        _ = provider.GetRequiredService<PipelineActivity>();
        var cache = provider.GetRequiredService<OutboxStatisticsCache>();
        var sampler = provider.GetServices<IHostedService>().OfType<OutboxStatisticsSampler>().Single();
        var store = provider.GetRequiredService<IMonitroStore>();
        await store.CommitAsync(M.Batch("1", M.Post("1", "jane")));

        await sampler.StartAsync(CancellationToken.None);
        await MonitroTestHost.WaitUntilAsync(() => cache.Latest?.Waiting == 1, "the first sample is read");
        await store.CommitAsync(M.Batch("2", M.Post("2", "omar")));
        _time.Advance(OutboxStatisticsSampler.Period);
        await MonitroTestHost.WaitUntilAsync(() => cache.Latest?.Waiting == 2, "the next period's sample is read");
        await sampler.StopAsync(CancellationToken.None);

        using var depth = Collect<long>(provider, "monitro.outbox.depth");
        depth.RecordObservableInstruments();
        Assert.Equal(2, depth.LastMeasurement?.Value);
    }

    [Fact]
    public async Task BatchQueue_DuringARun_ReportsDepthAndFill()
    {
        await using var provider = MonitroTestHost.Build(_ => { }, timeProvider: _time);
        var activity = provider.GetRequiredService<PipelineActivity>();
        using var depth = Collect<int>(provider, "monitro.batch_queue.depth");
        using var fill = Collect<double>(provider, "monitro.batch_queue.fill");
        var queue = Channel.CreateBounded<SourceWork>(4);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(queue.Writer.TryWrite(SourceWork.EndOf("feed")));
        }

        activity.RunStarted(queue.Reader, 4);
        depth.RecordObservableInstruments();
        fill.RecordObservableInstruments();
        var during = (depth.LastMeasurement?.Value, fill.LastMeasurement?.Value);
        activity.RunStopped(null);
        fill.RecordObservableInstruments();

        Assert.Equal((3, 0.75), during);
        Assert.Equal(0d, fill.LastMeasurement?.Value);
    }

    [Fact]
    public async Task SourceLag_AfterBatches_IsNowMinusTheNewestPostPerSource()
    {
        await using var provider = MonitroTestHost.Build(_ => { }, timeProvider: _time);
        var activity = provider.GetRequiredService<PipelineActivity>();
        using var lag = Collect<double>(provider, "monitro.source.lag");
        activity.Source("feed", _time.GetUtcNow()).BatchRead(
            new SourceBatch { Posts = [TestPosts.Create("2", "acme", createdAt: TestPosts.Epoch.AddMinutes(-5)), TestPosts.Create("1", "acme", createdAt: TestPosts.Epoch.AddMinutes(-30))] },
            _time.GetUtcNow());
        activity.Source("quiet", _time.GetUtcNow()).BatchRead(new SourceBatch(), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(1));

        lag.RecordObservableInstruments();

        var measurement = Assert.Single(lag.GetMeasurementSnapshot());
        Assert.Equal(6 * 60d, measurement.Value);
        Assert.Equal("feed", measurement.Tags[MonitroDiagnostics.SourceTag]);
    }

    [Fact]
    public async Task SourceLag_AfterARealRun_IsReportedForTheSource()
    {
        var posts = TestPosts.Numbered(5);
        await using var provider = MonitroTestHost.Build(b => b.AddSource(new InMemorySource("memory", posts, batchSize: 2)), timeProvider: _time);
        using var lag = Collect<double>(provider, "monitro.source.lag");
        _time.Advance(TimeSpan.FromHours(1));

        await provider.GetRequiredService<MentionMonitor>().ListenAllAsync();
        lag.RecordObservableInstruments();

        var measurement = Assert.Single(lag.GetMeasurementSnapshot());
        Assert.Equal(55 * 60d, measurement.Value);
        Assert.Equal("memory", measurement.Tags[MonitroDiagnostics.SourceTag]);
    }

    private static MetricCollector<T> Collect<T>(ServiceProvider provider, string instrument)
        where T : struct =>
        new(provider.GetRequiredService<IMeterFactory>(), MonitroDiagnostics.MeterName, instrument);
}
