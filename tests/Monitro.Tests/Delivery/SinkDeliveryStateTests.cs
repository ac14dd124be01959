using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Delivery;
using Monitro.Testing;

namespace Monitro.Tests.Delivery;

/// <summary>The circuit settings as options, and each sink's delivery state read from the monitor.</summary>
public sealed class SinkDeliveryStateTests
{
    [Fact]
    public async Task GetSinkStates_OneSinkFailsPastTheConfiguredThreshold_ShowsItsCircuitOpenAndTheOtherSinkDelivering()
    {
        var time = new FakeTimeProvider(TestPosts.Epoch);
        var healthy = new CountingSink();
        using var provider = MonitroTestHost.Build(
            builder => builder.AddSink(new FailingSink()).AddSink(healthy),
            options =>
            {
                options.SinkCircuitFailureThreshold = 2;
                options.SinkCircuitBreakDuration = TimeSpan.FromMinutes(2);
            },
            time);
        var store = provider.GetRequiredService<IMonitroStore>();
        var watch = new Watch { Name = "acme", Query = "acme" };
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "test",
            Alerts = [.. Enumerable.Range(1, 3).Select(i => Alert.ForMention(new Mention { Post = TestPosts.Create($"p{i}", "acme"), Watch = watch }, time.GetUtcNow()))],
        });
        var monitor = provider.GetRequiredService<MentionMonitor>();

        // No source: one run offers every waiting alert to the sinks once, then ends.
        await monitor.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var states = monitor.GetSinkStates();
        Assert.Equal(["FailingSink", "CountingSink"], states.Select(state => state.SinkName));
        var failing = states[0];
        Assert.True(failing.IsOpen);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(2), failing.OpenUntil);
        Assert.Equal(2, failing.FailuresInARow);
        Assert.Equal(2, failing.Failed); // the third alert was held back, not sent
        Assert.Equal(0, failing.Delivered);
        Assert.Equal("HttpRequestException: receiver down", failing.LastError);
        var working = states[1];
        Assert.False(working.IsOpen);
        Assert.Null(working.OpenUntil);
        Assert.Equal(3, working.Delivered);
        Assert.Equal(3, healthy.Count);

        // After the break the state reads closed again, though the next probe has not gone out yet.
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(monitor.GetSinkStates()[0].IsOpen);
    }

    [Theory]
    [InlineData(0, 30, "SinkCircuitFailureThreshold")]
    [InlineData(1_001, 30, "SinkCircuitFailureThreshold")]
    [InlineData(5, 0, "SinkCircuitBreakDuration")]
    [InlineData(5, 3_601, "SinkCircuitBreakDuration")]
    public void Options_CircuitSettingOutOfRange_FailsValidationNamingTheOption(int threshold, int breakSeconds, string option)
    {
        using var provider = MonitroTestHost.Build(
            _ => { },
            options =>
            {
                options.SinkCircuitFailureThreshold = threshold;
                options.SinkCircuitBreakDuration = TimeSpan.FromSeconds(breakSeconds);
            });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitroOptions>>().Value);

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    private sealed class FailingSink : IAlertSink
    {
        public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken) => throw new HttpRequestException("receiver down");
    }

    private sealed class CountingSink : IAlertSink
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.CompletedTask;
        }
    }
}
