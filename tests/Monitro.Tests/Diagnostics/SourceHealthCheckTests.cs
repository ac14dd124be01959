using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitro.Diagnostics;
using Monitro.Diagnostics.Health;
using Monitro.Testing;

namespace Monitro.Tests.Diagnostics;

/// <summary>One source's health as the pipeline reports it: failing, backing off, silent, reading or finished.</summary>
public sealed class SourceHealthCheckTests
{
    private readonly FakeTimeProvider _time = new(TestPosts.Epoch);
    private readonly PipelineActivity _activity = new();
    private readonly MonitroHealthCheckOptions _options = new() { SourceFailureThreshold = 3, SourceSilenceThreshold = TimeSpan.FromMinutes(30) };

    [Fact]
    public async Task Check_SourceNotStarted_IsDegraded()
    {
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("not been started", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RecentBatch_IsHealthy()
    {
        Start().BatchRead(new SourceBatch { Posts = [TestPosts.Create("1", "acme")] }, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(29));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(TestPosts.Epoch, result.Data["newestPostAt"]);
    }

    [Fact]
    public async Task Check_NoBatchForLongerThanTheSilenceThreshold_IsDegradedAsSilent()
    {
        Start().BatchRead(new SourceBatch(), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(31));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("silent", result.Description, StringComparison.Ordinal);
        Assert.Equal(31d * 60, result.Data["quietForSeconds"]);
    }

    [Fact]
    public async Task Check_StartedAndNeverDeliveredForLongerThanTheSilenceThreshold_IsDegradedAsSilent()
    {
        Start();
        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HealthStatus.Degraded, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Check_FailuresBelowTheThreshold_IsDegradedWhileBackingOff()
    {
        var source = Start();
        source.Failed("HttpRequestException", _time.GetUtcNow().AddSeconds(4));
        source.Failed("HttpRequestException", _time.GetUtcNow().AddSeconds(8));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("failed 2 time(s) in a row (HttpRequestException)", result.Description, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow().AddSeconds(8), result.Data["retryAt"]);
    }

    [Fact]
    public async Task Check_FailuresReachTheThreshold_IsUnhealthy()
    {
        var source = Start();
        for (var i = 0; i < 3; i++)
        {
            source.Failed("HttpRequestException", _time.GetUtcNow().AddSeconds(1));
        }

        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Check_BatchAfterFailures_IsHealthyAgain()
    {
        var source = Start();
        for (var i = 0; i < 3; i++)
        {
            source.Failed("HttpRequestException", _time.GetUtcNow().AddSeconds(1));
        }

        source.BatchRead(new SourceBatch(), _time.GetUtcNow());

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Check_SourceReachedItsEnd_IsHealthyHoweverLongAgo()
    {
        Start().Ended();
        _time.Advance(TimeSpan.FromDays(2));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("reached its end", result.Description, StringComparison.Ordinal);
    }

    private SourceActivity Start() => _activity.Source("feed", _time.GetUtcNow());

    private Task<HealthCheckResult> CheckAsync()
    {
        var check = new SourceHealthCheck("feed", _activity, new StaticOptions(_options), _time);
        var registration = new HealthCheckRegistration("monitro-source-feed", check, HealthStatus.Unhealthy, null);
        return check.CheckHealthAsync(new HealthCheckContext { Registration = registration });
    }

    private sealed class StaticOptions(MonitroHealthCheckOptions value) : IOptionsMonitor<MonitroHealthCheckOptions>
    {
        public MonitroHealthCheckOptions CurrentValue => value;

        public MonitroHealthCheckOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<MonitroHealthCheckOptions, string?> listener) => null;
    }
}
