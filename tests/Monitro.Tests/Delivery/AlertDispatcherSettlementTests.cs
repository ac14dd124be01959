using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Delivery;
using Monitro.Alerting.Outbox;
using Monitro.Testing;
using Monitro.Tests.Pipeline;

namespace Monitro.Tests.Delivery;

/// <summary>How the dispatcher marks delivered alerts: a claimed batch in one write where the outbox allows it.</summary>
public sealed class AlertDispatcherSettlementTests
{
    private const int AlertCount = 150; // three claims of at most 64

    [Fact]
    public async Task RunAsync_OutboxSettlesBatches_MarksEachClaimedBatchDeliveredInOneWrite()
    {
        var time = new FakeTimeProvider(TestPosts.Epoch);
        var store = new InMemoryMonitroStore(time);
        var outbox = new CountingOutbox(store, time);
        var sink = new RecordingSink();

        await DeliverAllAsync(store, outbox, sink, time);

        Assert.Equal(AlertCount, sink.Alerts.Count);
        Assert.Equal(0, store.PendingAlertCount);
        Assert.Equal(0, outbox.SingleSettlements);
        Assert.Equal([64, 64, 22], outbox.BatchSettlements);
    }

    [Fact]
    public async Task RunAsync_OutboxWithoutBatchSettlement_MarksEachAlertDelivered()
    {
        var time = new FakeTimeProvider(TestPosts.Epoch);
        var store = new InMemoryMonitroStore(time);
        var counting = new CountingOutbox(store, time);
        var sink = new RecordingSink();

        await DeliverAllAsync(store, new SingleKeySettlementOutbox(counting), sink, time);

        Assert.Equal(AlertCount, sink.Alerts.Count);
        Assert.Equal(0, store.PendingAlertCount);
        Assert.Equal(AlertCount, counting.SingleSettlements);
        Assert.Empty(counting.BatchSettlements);
    }

    [Fact]
    public async Task RunAsync_SlowSink_SettlesDeliveredAlertsBeforeTheirLeaseRunsOut()
    {
        var time = new FakeTimeProvider(TestPosts.Epoch);
        var store = new InMemoryMonitroStore(time);
        var outbox = new CountingOutbox(store, time);
        var lease = new MonitroOptions().DeliveryLeaseDuration;
        var deliveredAt = new List<DateTimeOffset>();
        var sink = new RecordingSink
        {
            // Each delivery takes 30% of the lease: a claimed batch outlasts its lease many times over.
            Delay = _ =>
            {
                time.Advance(lease * 0.3);
                deliveredAt.Add(time.GetUtcNow());
                return Task.CompletedTask;
            },
        };

        await DeliverAllAsync(store, outbox, sink, time);

        Assert.Equal(0, store.PendingAlertCount);
        var delivered = sink.Alerts;
        Assert.Equal(AlertCount, delivered.Count);
        var withinLease = 0;
        for (var i = 0; i < delivered.Count; i++)
        {
            var key = delivered[i].IdempotencyKey;
            if (deliveredAt[i] - outbox.ClaimedAt[key] < lease)
            {
                // Delivered while its lease held: settled while it still held, so no other dispatcher delivers it again.
                withinLease++;
                Assert.True(outbox.SettledAt[key] - outbox.ClaimedAt[key] < lease, $"alert {i} settled after its lease ran out");
            }
        }

        Assert.Equal(9, withinLease); // three per claim of 64
    }

    private static async Task DeliverAllAsync(InMemoryMonitroStore store, IAlertOutbox outbox, RecordingSink sink, FakeTimeProvider time)
    {
        var watch = new Watch { Name = "acme", Query = "acme" };
        var alerts = Enumerable.Range(1, AlertCount)
            .Select(i => Alert.ForMention(
                new Mention { Post = TestPosts.Create($"https://example.social/users/jane/statuses/{i}", "acme is great", handle: "jane@example.social"), Watch = watch },
                time.GetUtcNow()))
            .ToArray();
        await store.CommitAsync(new BatchCommit { SourceName = "test", Alerts = alerts });
        var inFlight = new InFlightAlerts(1_000);
        var keys = alerts.Select(alert => alert.IdempotencyKey).ToArray();
        inFlight.Add(keys);
        inFlight.Committed(keys);
        var services = PipelineTestServices.Create(store, time) with { Outbox = outbox, Sinks = [sink] };

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await new AlertDispatcher(services, inFlight).RunAsync(() => true, timeout.Token);

        Assert.Equal(0, inFlight.Count);
    }

    /// <summary>Forwards to the in-memory store and records how alerts were claimed and settled.</summary>
    private sealed class CountingOutbox(InMemoryMonitroStore inner, TimeProvider time) : ForwardingAlertOutbox(inner), IAlertOutboxBatchSettlement
    {
        private readonly InMemoryMonitroStore _store = inner;

        public int SingleSettlements { get; private set; }

        public List<int> BatchSettlements { get; } = [];

        public Dictionary<string, DateTimeOffset> ClaimedAt { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, DateTimeOffset> SettledAt { get; } = new(StringComparer.Ordinal);

        public override async ValueTask<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
        {
            var entries = await base.ClaimDueAsync(maxCount, leaseDuration, cancellationToken);
            foreach (var entry in entries)
            {
                ClaimedAt[entry.Alert.IdempotencyKey] = time.GetUtcNow();
            }

            return entries;
        }

        public override ValueTask MarkDeliveredAsync(string idempotencyKey, CancellationToken cancellationToken = default)
        {
            SingleSettlements++;
            SettledAt[idempotencyKey] = time.GetUtcNow();
            return base.MarkDeliveredAsync(idempotencyKey, cancellationToken);
        }

        public ValueTask MarkAllDeliveredAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default)
        {
            BatchSettlements.Add(idempotencyKeys.Count);
            foreach (var key in idempotencyKeys)
            {
                SettledAt[key] = time.GetUtcNow();
            }

            return _store.MarkAllDeliveredAsync(idempotencyKeys, cancellationToken);
        }
    }
}
