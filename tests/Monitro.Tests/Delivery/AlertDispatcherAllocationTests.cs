using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Delivery;
using Monitro.Alerting.Outbox;
using Monitro.Testing;
using Monitro.Pipeline;
using Monitro.Tests.Pipeline;

namespace Monitro.Tests.Delivery;

/// <summary>
/// What delivering an alert from the in-memory store allocates, counted on the one thread that does all of it (the
/// store and the sink complete at once, so the dispatcher never leaves the calling thread). Runs alone, so that no
/// other test's listener runs on this thread.
/// </summary>
[Collection(nameof(AlertDispatcherAllocationTests))]
[CollectionDefinition(nameof(AlertDispatcherAllocationTests), DisableParallelization = true)]
public sealed class AlertDispatcherAllocationTests
{
    private const int AlertsPerRound = 256; // four claims of 64, as the delivery benchmark

    // Unoptimised (Debug) builds, as the tests usually run, keep each async method's state in an object of its own:
    // there delivery allocated 432 bytes per alert after the claim stopped using a query and settling stopped building
    // the author's identity key per alert; optimised, the delivery driver measures about 225 without the in-flight
    // set (279 with it, 524 before those changes; benchmarks/README.md, "Alert delivery throughput").
#if DEBUG
    private const int MaxBytesPerAlert = 480;
#else
    private const int MaxBytesPerAlert = 300;
#endif

    [Fact]
    public void RunAsync_InMemoryOutbox_AllocatesABoundedAmountPerDeliveredAlert()
    {
        var time = new FakeTimeProvider(TestPosts.Epoch);
        var store = new InMemoryMonitroStore(time);
        var sink = new CountingSink();
        var services = PipelineTestServices.Create(store, time) with { Sinks = [sink] };
        Deliver(services, Commit(store, round: 0)); // first calls: one-time set-up and growth of the store's tables
        var inFlight = Commit(store, round: 1);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Deliver(services, inFlight);
        var perAlert = (GC.GetAllocatedBytesForCurrentThread() - before) / AlertsPerRound;

        Assert.Equal(2 * AlertsPerRound, sink.Delivered);
        Assert.Equal(0, store.PendingAlertCount);
        // The claimed entry and the growth of the settled keys' table are most of what is left.
        Assert.True(perAlert <= MaxBytesPerAlert, $"delivery allocated {perAlert} bytes per alert");
    }

    // Commits a round of alerts and counts them in flight, as the committer does.
    private static InFlightAlerts Commit(InMemoryMonitroStore store, int round)
    {
        var watch = new Watch { Name = "acme", Query = "acme" };
        var alerts = new Alert[AlertsPerRound];
        for (var i = 0; i < alerts.Length; i++)
        {
            var post = TestPosts.Create($"{round}-{i}", "acme is great", handle: $"user{i % 20}@example.social");
            alerts[i] = Alert.ForMention(new Mention { Post = post, Watch = watch }, TestPosts.Epoch);
        }

        store.CommitAsync(new BatchCommit { SourceName = "test", Alerts = alerts }).AsTask().GetAwaiter().GetResult();
        var keys = Array.ConvertAll(alerts, alert => alert.IdempotencyKey);
        var inFlight = new InFlightAlerts(AlertsPerRound);
        inFlight.Add(keys);
        inFlight.Committed(keys);
        return inFlight;
    }

    private static void Deliver(PipelineServices services, InFlightAlerts inFlight)
    {
        var run = new AlertDispatcher(services, inFlight).RunAsync(() => true, CancellationToken.None);

        Assert.True(run.IsCompletedSuccessfully, "delivery left the calling thread");
        Assert.Equal(0, inFlight.Count);
    }

    private sealed class CountingSink : IAlertSink
    {
        public int Delivered { get; private set; }

        public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
        {
            Delivered++;
            return ValueTask.CompletedTask;
        }
    }
}
