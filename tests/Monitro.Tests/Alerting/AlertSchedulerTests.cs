using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting;
using Monitro.Pipeline;
using static Monitro.Tests.Alerting.AlertTestData;

namespace Monitro.Tests.Alerting;

public sealed class AlertSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static PipelineServices Services(IMonitroStore store, IAlertOutbox outbox, FakeTimeProvider time, AlertRouter router) =>
        new([], null!, store, outbox, [], null!, null, null, new MonitroOptions(), time, null!, NullLogger.Instance) { Alerting = router };

    [Fact]
    public async Task RunAsync_HourPasses_CommitsTheDigestToTheOutbox()
    {
        var time = new FakeTimeProvider(Start.AddMinutes(30));
        var store = new InMemoryMonitroStore(time);
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(Options(Rule("hourly", AlertMode.Digest))), time);
        router.Route([Mention(), Mention()], [], time.GetUtcNow());
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var scheduler = new AlertScheduler(Services(store, store, time, router), () => committed.TrySetResult());

        var running = scheduler.RunAsync(stop.Token);
        for (var step = 0; step < 100 && !committed.Task.IsCompleted; step++)
        {
            // A minute per step: the scheduler checks every minute and the digest closes at 13:00. Advancing before
            // its delay is armed only moves the check to a later step.
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(committed.Task, Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System));
        }

        await committed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        var entry = Assert.Single(await store.ClaimDueAsync(10, TimeSpan.FromMinutes(1)));
        Assert.Equal("digest|hourly|2026-11-01T12:00:00.0000000+00:00", entry.Alert.IdempotencyKey);
        Assert.Equal(2, entry.Alert.Digest!.Watches.Single().Mentions);
    }

    [Fact]
    public async Task CheckAsync_CommitFails_KeepsTheAlertsForTheNextCheck()
    {
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryMonitroStore(time);
        var failing = new FailingStore();
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(Options(Rule("hourly", AlertMode.Digest))), time);
        router.Route([Mention()], [], Start);
        time.Advance(TimeSpan.FromHours(1));
        var pending = new List<Alert>();

        await Assert.ThrowsAsync<IOException>(() => new AlertScheduler(Services(failing, store, time, router), () => { }).CheckAsync(router, pending, default));
        Assert.Single(pending);

        await new AlertScheduler(Services(store, store, time, router), () => { }).CheckAsync(router, pending, default);
        Assert.Empty(pending);
        Assert.Single(await store.ClaimDueAsync(10, TimeSpan.FromMinutes(1)));
    }

    private sealed class FailingStore : IMonitroStore
    {
        public ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default) => throw new IOException("disk full");

        public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
