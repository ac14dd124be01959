using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitro.Diagnostics;
using Monitro.Testing;

namespace Monitro.Tests.Relationships;

/// <summary>A fresh pipeline on a store that outlived the last one rebuilds the relationships from the store's interactions.</summary>
public sealed class RelationshipRestoreTests
{
    private const string Jane = "jane@example.social";
    private static readonly string JaneId = Author.CreateIdentityKey("mastodon", Jane);
    private static readonly DateTimeOffset Now = TestPosts.Epoch.AddMinutes(55);

    private static readonly Post Complaint = RelationshipHarness.From(Jane, "c1", "@acme your app lost my data again, this is terrible", 0);
    private static readonly Post Reply = RelationshipHarness.Answer("a1", "@jane so sorry, we restored your data from last night's backup", 30, Complaint);

    private static readonly IReadOnlyList<Post> Conversation =
    [
        Complaint,
        Reply,
        RelationshipHarness.From(Jane, "t1", "@acme thank you so much, everything is back. Great support!", 45, replyTo: Reply.Id),
        RelationshipHarness.From(Jane, "q1", "@acme does the export work with CSV files?", 50),
    ];

    [Fact]
    public async Task RunAsync_StoreOfAnEarlierRun_RestoresItFromTheSnapshotsCountingAndLoggingWhatItRead()
    {
        var store = new InMemoryMonitroStore();
        var meterFactory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        RelationshipSnapshot? before;
        await using (var first = Build(store, "first", Conversation))
        {
            await first.GetRequiredService<MentionMonitor>().RunAsync();
            before = first.GetRequiredService<MentionMonitor>().Relationships.GetRelationship(JaneId, Now);
        }

        await using var second = Build(store, "second", [], services => services.AddSingleton(meterFactory));
        using var restored = new MetricCollector<long>(meterFactory, MonitroDiagnostics.MeterName, "monitro.relationships.restored");
        var monitor = second.GetRequiredService<MentionMonitor>();
        Assert.Null(monitor.Relationships.GetRelationship(JaneId, Now));

        await monitor.RunAsync();

        Assert.NotNull(before);
        Assert.Equal((3, 1), (before.Inbound, before.Outbound));
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(monitor.Relationships.GetRelationship(JaneId, Now)));
        // Jane's snapshot, committed with the first run's last batch, fits the store's totals: no interaction is read at
        // start, and hers are read when first needed (here by GetRelationship, which waits for the background load).
        Assert.Equal(0, restored.GetMeasurementSnapshot().EvaluateAsCounter());
        var log = Assert.Single(second.GetRequiredService<FakeLogCollector>().GetSnapshot(), r => r.Id.Name == "RelationshipsRestored");
        Assert.StartsWith("Restored relationships from 0 stored interactions in ", log.Message, StringComparison.Ordinal);

        await monitor.RunAsync();
        Assert.Single(restored.GetMeasurementSnapshot()); // once per monitor
    }

    [Fact]
    public async Task RunAsync_CancelledDuringTheReplay_StopsBeforeReadingAnySourceAndReplaysAtTheNextRun()
    {
        var store = new InMemoryMonitroStore();
        await using (var first = Build(store, "first", Conversation))
        {
            await first.GetRequiredService<MentionMonitor>().RunAsync();
        }

        using var stop = new CancellationTokenSource();
        var history = new CancellingHistory(store, stop);
        var source = new CountingSource("endless");
        await using var second = MonitroTestHost.Build(
            b => b.AddOwnAccount("mastodon", RelationshipHarness.OwnHandle).AddSource(source).UseStore(_ => history, _ => { }),
            timeProvider: new FakeTimeProvider(Now));
        var monitor = second.GetRequiredService<MentionMonitor>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => monitor.RunAsync(stop.Token));

        Assert.Equal(0, source.Produced);
        using var again = new CancellationTokenSource();
        var run = monitor.RunAsync(again.Token);
        await MonitroTestHost.WaitUntilAsync(() => monitor.Relationships.GetRelationship(JaneId, Now) is not null, "the next run replays the history");
        await again.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, monitor.Relationships.GetRelationship(JaneId, Now)!.Outbound); // the reply exists only in the replayed history
    }

    private static ServiceProvider Build(InMemoryMonitroStore store, string sourceName, IReadOnlyList<Post> posts, Action<IServiceCollection>? services = null) =>
        MonitroTestHost.Build(
            b =>
            {
                b.Services.AddSingleton(store);
                b.AddOwnAccount("mastodon", RelationshipHarness.OwnHandle).AddSource(new InMemorySource(sourceName, posts, batchSize: 1));
                services?.Invoke(b.Services);
            },
            timeProvider: new FakeTimeProvider(Now));

    /// <summary>The in-memory store whose history read is cancelled while it runs, the first time only.</summary>
    private sealed class CancellingHistory(InMemoryMonitroStore inner, CancellationTokenSource stop) : IMonitroStore, IAlertOutbox, IInteractionHistory
    {
        public async ValueTask<Page<RecordedInteraction>> GetInteractionsAsync(PageRequest page, CancellationToken cancellationToken = default)
        {
            if (!stop.IsCancellationRequested)
            {
                await stop.CancelAsync();
            }

            return await inner.GetInteractionsAsync(page, cancellationToken);
        }

        public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default) => inner.GetCheckpointAsync(sourceName, cancellationToken);

        public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default) => inner.GetKnownPostIdsAsync(postIds, cancellationToken);

        public ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default) => inner.CommitAsync(commit, cancellationToken);

        public ValueTask<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default) => inner.ClaimDueAsync(maxCount, leaseDuration, cancellationToken);

        public ValueTask<IReadOnlySet<string>> GetPendingKeysAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default) => inner.GetPendingKeysAsync(idempotencyKeys, cancellationToken);

        public ValueTask MarkDeliveredAsync(string idempotencyKey, CancellationToken cancellationToken = default) => inner.MarkDeliveredAsync(idempotencyKey, cancellationToken);

        public ValueTask MarkFailedAsync(string idempotencyKey, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default) =>
            inner.MarkFailedAsync(idempotencyKey, failure, nextAttemptAt, cancellationToken);

        public ValueTask MoveToDeadLetterAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default) => inner.MoveToDeadLetterAsync(idempotencyKey, reason, cancellationToken);
    }
}
