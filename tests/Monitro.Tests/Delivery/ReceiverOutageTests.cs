using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Delivery;
using Monitro.Alerting.Outbox;
using Monitro.Pipeline;
using Monitro.Testing;
using Monitro.Tests.Pipeline;

namespace Monitro.Tests.Delivery;

/// <summary>A real webhook receiver that goes down for a while, with the default delivery policy, on fake time.</summary>
public sealed class ReceiverOutageTests
{
    private const string Secret = "outage-outage-outage-outage-outage-42";
    private const int AlertCount = 30;

    [Fact]
    public async Task Dispatcher_ReceiverDownForTwentyMinutes_DeadLettersNothingAndDeliversEveryAlertOnceAfterRecovery()
    {
        var time = new FakeTimeProvider(TestPosts.Epoch);
        await using var receiver = await WebhookReceiver.StartAsync(Secret, time.GetUtcNow());
        using var http = new HttpClient();
        var sink = new WebhookAlertSink(http, new WebhookAlertSinkOptions { Endpoint = receiver.Endpoint, Secret = Secret }, time);
        var store = new InMemoryMonitroStore(time);
        var watch = new Watch { Name = "acme", Query = "acme" };
        var alerts = Enumerable.Range(1, AlertCount)
            .Select(i => Alert.ForMention(
                new Mention { Post = TestPosts.Create($"https://example.social/users/jane/statuses/{i}", "acme is down", handle: "jane@example.social"), Watch = watch },
                time.GetUtcNow()))
            .ToArray();
        await store.CommitAsync(new BatchCommit { SourceName = "test", Alerts = alerts });
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        var services = PipelineTestServices.Create(store, time) with { Sinks = [sink], Logger = loggerFactory.CreateLogger("Monitro") };
        using var stop = new CancellationTokenSource();
        receiver.FailuresLeft = int.MaxValue;
        var run = new AlertDispatcher(services, new InFlightAlerts(256)).RunAsync(() => false, stop.Token);

        await AdvanceAsync(time, receiver, TimeSpan.FromMinutes(20), until: () => false);

        Assert.Empty(receiver.Accepted);
        Assert.True(receiver.Requests.Count > AlertCount, "the dispatcher kept trying during the outage");
        Assert.Empty(store.DeadAlerts);
        Assert.Equal(AlertCount, store.PendingAlertCount);

        receiver.FailuresLeft = 0;
        await AdvanceAsync(time, receiver, TimeSpan.FromMinutes(10), until: () => store.PendingAlertCount == 0);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(AlertCount, receiver.Accepted.Count);
        Assert.Equal(AlertCount, receiver.AcceptedCount); // each once: no key accepted twice
        Assert.Empty(store.DeadAlerts);
        Assert.Equal(0, store.PendingAlertCount);

        // Warnings name alerts by fingerprint: the keys hold the handle, which is logged only at Trace.
        var warnings = logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).ToList();
        Assert.Contains(warnings, r => r.Message.Contains("could not be delivered", StringComparison.Ordinal));
        Assert.Contains(warnings, r => r.Message.Contains("not called until", StringComparison.Ordinal)); // the circuit opened
        Assert.All(logs.GetSnapshot(), r => Assert.DoesNotContain("jane", r.Message, StringComparison.Ordinal));
    }

    // Moves both clocks a second at a time, giving the dispatcher a moment of real time after each step.
    private static async Task AdvanceAsync(FakeTimeProvider time, WebhookReceiver receiver, TimeSpan span, Func<bool> until)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < span && !until(); elapsed += TimeSpan.FromSeconds(1))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            receiver.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
        }
    }
}
