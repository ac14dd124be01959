using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting;
using Monitro.Alerting.Outbox;
using Monitro.Pipeline;
using Monitro.Tests.Pipeline;
using static Monitro.Tests.Alerting.AlertTestData;

namespace Monitro.Tests.Alerting;

public sealed class AlertSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_HourPasses_CommitsTheDigestToTheOutboxAndCountsItInFlight()
    {
        var time = new FakeTimeProvider(Start.AddMinutes(30));
        var store = new InMemoryMonitroStore(time);
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(Options(Rule("hourly", AlertMode.Digest))), time);
        router.Route([Mention(), Mention()], [], time.GetUtcNow());
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = new InFlightAlerts(capacity: 10);
        var services = PipelineTestServices.Create(store, time, router);
        using var stop = new CancellationTokenSource();
        var scheduler = AlertScheduler.ForDigests(services, new AlertCommitter(services, inFlight, () => committed.TrySetResult()));

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

        // Counted like every other committed alert, so that delivery finishes it before the pipeline stops.
        Assert.Equal(1, inFlight.Count);
    }

    [Fact]
    public async Task RunAsync_WithoutAlertRules_EndsAtOnce()
    {
        var time = new FakeTimeProvider(Start);
        var services = PipelineTestServices.Create(new InMemoryMonitroStore(time), time, AlertRouter.PassThrough);
        var scheduler = AlertScheduler.ForDigests(services, new AlertCommitter(services, new InFlightAlerts(10), () => { }));

        await scheduler.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CheckAsync_CommitFails_KeepsTheAlertsForTheNextCheckAndForgetsThemInFlight()
    {
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryMonitroStore(time);
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(Options(Rule("hourly", AlertMode.Digest))), time);
        router.Route([Mention()], [], Start);
        time.Advance(TimeSpan.FromHours(1));
        var inFlight = new InFlightAlerts(capacity: 10);
        var services = PipelineTestServices.Create(new RecordingStore(store) { FailNextCommit = true }, time, router);
        var scheduler = AlertScheduler.ForDigests(services, new AlertCommitter(services, inFlight, () => { }));

        await Assert.ThrowsAsync<IOException>(() => scheduler.CheckAsync(default));
        Assert.Equal(1, scheduler.PendingCount);
        Assert.Equal(0, inFlight.Count);
        Assert.Equal(0, store.PendingAlertCount);

        await scheduler.CheckAsync(default);
        Assert.Equal(0, scheduler.PendingCount);
        Assert.Equal(1, inFlight.Count);
        Assert.Single(await store.ClaimDueAsync(10, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task CheckAsync_RelationshipTransitionDue_CommitsItsAlertAloneAndCountsItInFlight()
    {
        var time = new FakeTimeProvider(Start);
        var store = new RecordingStore(new InMemoryMonitroStore(time));
        var transition = new RelationshipTransition
        {
            PersonId = "mastodon:jane@example.social",
            Kind = RelationshipTransitionKind.ResponseOverdue,
            TriggerId = "mastodon:c1|mastodon:jane@example.social",
            DetectedAt = Start,
            Reason = "a complaint has waited more than an hour for an answer",
        };
        var inFlight = new InFlightAlerts(capacity: 10);
        var woken = 0;
        var services = PipelineTestServices.Create(store, time, scorer: new OneTransition(transition));
        var scheduler = AlertScheduler.ForRelationships(services, new AlertCommitter(services, inFlight, () => woken++), Channel.CreateUnbounded<SourceWork>().Writer);

        await scheduler.CheckAsync(default);
        await scheduler.CheckAsync(default);

        var commit = Assert.Single(store.Commits);
        Assert.Equal(AlertScheduler.RelationshipSourceName, commit.SourceName);
        Assert.Empty(commit.Posts);
        Assert.Null(commit.Checkpoint);
        Assert.Equal(transition.Key, Assert.Single(commit.Alerts).IdempotencyKey);
        Assert.Equal(1, inFlight.Count);
        Assert.Equal(1, woken);
    }

    [Fact]
    public async Task RunAsync_RelationshipInterval_HandsTheCheckToProcessingAndCommitsNothingItself()
    {
        var time = new FakeTimeProvider(Start);
        var store = new RecordingStore(new InMemoryMonitroStore(time));
        var scorer = new OneTransition(new RelationshipTransition
        {
            PersonId = "mastodon:jane@example.social",
            Kind = RelationshipTransitionKind.StrongGoneDormant,
            TriggerId = "dormant|mastodon:jane@example.social",
            DetectedAt = Start,
            Reason = "quiet for a month",
        });
        var services = PipelineTestServices.Create(store, time, scorer: scorer);
        var processing = Channel.CreateUnbounded<SourceWork>();
        using var stop = new CancellationTokenSource();
        var scheduler = AlertScheduler.ForRelationships(services, new AlertCommitter(services, new InFlightAlerts(10), () => { }), processing.Writer);

        var interval = ((IRelationshipScorer)scorer).AdvanceInterval;
        var running = scheduler.RunAsync(stop.Token);
        SourceWork? work = null;
        for (var step = 0; step < 100 && !processing.Reader.TryRead(out work); step++)
        {
            // Advancing before the delay is armed only moves the hand-over to a later step.
            time.Advance(interval);
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        Assert.NotNull(work);
        Assert.Same(scheduler, work.Check);
        Assert.Equal(AlertScheduler.RelationshipSourceName, work.SourceName);
        Assert.Empty(store.Commits);
        Assert.Equal(0, scorer.Advances);

        // The processing task runs the check; once processing takes no more work, the timer ends by itself.
        await work.Check!.CheckOrLogAsync(default);
        Assert.Single(Assert.Single(store.Commits).Alerts);
        processing.Writer.Complete();
        time.Advance(interval);
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A scorer that detects one transition at its first advance and none after.</summary>
    private sealed class OneTransition(RelationshipTransition transition) : IRelationshipScorer
    {
        private int _advances;

        public int Advances => Volatile.Read(ref _advances);

        public IReadOnlyList<RelationshipTransition> Advance(DateTimeOffset now) => Interlocked.Increment(ref _advances) == 1 ? [transition] : [];

        public void Record(Interaction interaction, Author person)
        {
        }

        public RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf) => null;

        public IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf) => [];
    }
}
