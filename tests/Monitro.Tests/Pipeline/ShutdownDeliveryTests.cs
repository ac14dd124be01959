using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting;
using Monitro.Testing;

namespace Monitro.Tests.Pipeline;

/// <summary>Alerts committed while the pipeline runs are delivered within the shutdown grace period, whoever raised them.</summary>
public sealed class ShutdownDeliveryTests
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task RunAsync_DigestCommittedJustBeforeShutdown_IsDeliveredWithinTheGracePeriod()
    {
        var time = new FakeTimeProvider(TestPosts.Epoch.AddMinutes(30));
        var source = new InMemorySource("live", batchSize: 1);
        var sink = new RecordingSink(failFirst: 1);
        await using var provider = MonitroTestHost.Build(
            builder =>
            {
                builder.AddSource(source).AddSink(sink);
                builder.Services.Configure<AlertingOptions>(o => o.Rules.Add(new AlertRuleOptions { Name = "hourly", Mode = AlertMode.Digest }));
            },
            options =>
            {
                options.SinkRetryInitialDelay = RetryDelay;
                options.ShutdownGracePeriod = TimeSpan.FromMinutes(10);
            },
            time);
        var store = provider.GetRequiredService<InMemoryMonitroStore>();
        using var stop = new CancellationTokenSource();
        var run = provider.GetRequiredService<MentionMonitor>().RunAsync(stop.Token);
        source.Publish(TestPosts.Create("1", "the new acme release notes are out", createdAt: time.GetUtcNow()));
        await MonitroTestHost.WaitUntilAsync(() => store.Posts.Count == 1, "the post is committed");

        // The hourly digest closes at 13:00; its first delivery fails and is due again only after the retry delay.
        time.Advance(TimeSpan.FromMinutes(29));
        for (var step = 0; step < 60 && sink.Attempts == 0; step++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await WaitBrieflyUntilAsync(() => sink.Attempts > 0);
        }

        Assert.Equal(1, sink.Attempts);
        Assert.Empty(sink.Alerts);

        await stop.CancelAsync();

        // Stopped: delivery must keep waiting for the digest instead of ending because nothing is due right now.
        await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System));
        for (var minute = 0; minute < 9 && !run.IsCompleted; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System));
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        var digest = Assert.Single(sink.Alerts);
        Assert.Equal(AlertKinds.Digest, digest.Kind);
        Assert.Equal("digest|hourly|2026-11-01T12:00:00.0000000+00:00", digest.IdempotencyKey);
        Assert.Equal(0, store.PendingAlertCount);
        var logs = provider.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.DoesNotContain(logs, record => record.Message.Contains("not yet delivered", StringComparison.Ordinal));
    }

    private static async Task WaitBrieflyUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 20 && !condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }
}
