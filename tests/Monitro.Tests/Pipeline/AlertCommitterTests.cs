using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Outbox;
using Monitro.Pipeline;
using Monitro.Testing;

namespace Monitro.Tests.Pipeline;

public sealed class AlertCommitterTests
{
    private readonly FakeTimeProvider _time = new(TestPosts.Epoch);

    [Fact]
    public async Task CommitAlertsAsync_AlertsAlone_CommitsThemCountsThemInFlightAndWakesDelivery()
    {
        var store = new RecordingStore(new InMemoryMonitroStore(_time));
        var meterFactory = PipelineTestServices.NewMeterFactory();
        using var committedMetric = new MetricCollector<long>(meterFactory, MonitroDiagnostics.MeterName, "monitro.alerts.committed");
        var inFlight = new InFlightAlerts(capacity: 10);
        var woken = 0;
        var committer = new AlertCommitter(PipelineTestServices.Create(store, _time, meterFactory: meterFactory), inFlight, () => woken++);
        var pending = new List<Alert> { Alert("digest|hourly|1"), Alert("digest|hourly|2") };

        await committer.CommitAlertsAsync("monitro.alerting", pending, default);

        var commit = Assert.Single(store.Commits);
        Assert.Equal("monitro.alerting", commit.SourceName);
        Assert.Equal(["digest|hourly|1", "digest|hourly|2"], commit.Alerts.Select(a => a.IdempotencyKey));
        Assert.Empty(commit.Posts);
        Assert.Null(commit.Checkpoint);
        Assert.Empty(pending);
        Assert.Equal(2, inFlight.Count);
        Assert.Equal(1, woken);
        var measurement = Assert.Single(committedMetric.GetMeasurementSnapshot());
        Assert.Equal(2, measurement.Value);
        Assert.Equal("monitro.alerting", measurement.Tags[MonitroDiagnostics.SourceTag]);
    }

    [Fact]
    public async Task CommitAlertsAsync_AlertDeliveredBefore_IsRefusedByTheOutboxAndNotWaitedFor()
    {
        var store = new RecordingStore(new InMemoryMonitroStore(_time));
        await store.Inner.CommitAsync(new BatchCommit { SourceName = "monitro.relationships", Alerts = [Alert("jane|relationship.response-overdue|c1")] });
        await store.Inner.MarkDeliveredAsync("jane|relationship.response-overdue|c1");
        var inFlight = new InFlightAlerts(capacity: 10);
        var committer = new AlertCommitter(PipelineTestServices.Create(store, _time), inFlight, () => { });

        // Raised again (relationships rebuilt after a restart): the outbox refuses the settled key, delivery never sees it.
        await committer.CommitAlertsAsync("monitro.relationships", [Alert("jane|relationship.response-overdue|c1"), Alert("jane|relationship.response-overdue|c2")], default);

        Assert.Equal(1, inFlight.Count);
        Assert.Equal(1, store.Inner.PendingAlertCount);
    }

    [Fact]
    public async Task CommitAlertsAsync_StoreFails_KeepsThemPendingAndForgetsThemInFlight()
    {
        var store = new RecordingStore(new InMemoryMonitroStore(_time)) { FailNextCommit = true };
        var inFlight = new InFlightAlerts(capacity: 10);
        var woken = 0;
        var committer = new AlertCommitter(PipelineTestServices.Create(store, _time), inFlight, () => woken++);
        var pending = new List<Alert> { Alert("spike|acme|1") };

        await Assert.ThrowsAsync<IOException>(() => committer.CommitAlertsAsync("monitro.alerting", pending, default));

        Assert.Single(pending);
        Assert.Equal(0, inFlight.Count);
        Assert.Equal(0, woken);
    }

    [Fact]
    public async Task CommitAlertsAsync_NothingPending_CommitsNothing()
    {
        var store = new RecordingStore(new InMemoryMonitroStore(_time));
        var woken = 0;
        var committer = new AlertCommitter(PipelineTestServices.Create(store, _time), new InFlightAlerts(10), () => woken++);

        await committer.CommitAlertsAsync("monitro.relationships", [], default);

        Assert.Empty(store.Commits);
        Assert.Equal(0, woken);
    }

    [Fact]
    public async Task CommitAsync_TooManyAlertsInFlight_WaitsUntilOneIsSettled()
    {
        var store = new RecordingStore(new InMemoryMonitroStore(_time));
        var inFlight = new InFlightAlerts(capacity: 1);
        var committer = new AlertCommitter(PipelineTestServices.Create(store, _time), inFlight, () => { });
        await committer.CommitAlertsAsync("monitro.alerting", [Alert("first")], default);

        var second = committer.CommitAlertsAsync("monitro.relationships", [Alert("second")], default);

        Assert.False(second.IsCompleted);
        Assert.Single(store.Commits);
        inFlight.Settle("first");
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, store.Commits.Count);
    }

    [Fact]
    public async Task CommitAlertsAsync_FullWhileAnotherProcessDeliversTheAlerts_GoesOnOnceTheOutboxNoLongerHoldsThem()
    {
        var store = new InMemoryMonitroStore(_time);
        var inFlight = new InFlightAlerts(capacity: 2);
        var committer = new AlertCommitter(PipelineTestServices.Create(store, _time), inFlight, () => { });
        await committer.CommitAlertsAsync("monitro.alerting", [Alert("digest|hourly|1"), Alert("digest|hourly|2")], default);

        // Full: the next commit waits. A dispatcher of another process sharing the outbox delivers both alerts, and
        // this run's own dispatcher, which alone used to free the room, never hears of it.
        var next = committer.CommitAlertsAsync("monitro.alerting", [Alert("digest|hourly|3")], default);
        Assert.False(next.IsCompleted);
        foreach (var entry in await store.ClaimDueAsync(10, TimeSpan.FromMinutes(1)))
        {
            await store.MarkDeliveredAsync(entry.Alert.IdempotencyKey);
        }

        for (var second = 0; second < 30 && !next.IsCompleted; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        await next.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
        Assert.Equal(1, inFlight.Count);
        Assert.Equal(1, store.PendingAlertCount);
    }

    private Alert Alert(string key) => new() { IdempotencyKey = key, Kind = AlertKinds.Digest, RaisedAt = _time.GetUtcNow(), Title = key };
}
