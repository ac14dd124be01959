using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitro.Diagnostics;
using Monitro.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Tests.Diagnostics;

/// <summary><c>AddMonitroHealthChecks</c> on a real in-memory store: the registered checks, their tags and the outbox and store checks.</summary>
public sealed class MonitroHealthChecksTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(TestPosts.Epoch);

    [Fact]
    public async Task AddMonitroHealthChecks_TwoSources_RegistersOneCheckPerSourceBesideThePipelineStoreAndOutbox()
    {
        await using var provider = Build(b => b.AddSource(new InMemorySource("feed-a", [])).AddSource(new InMemorySource("feed-b", [])));

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(["monitro-outbox", "monitro-pipeline", "monitro-source-feed-a", "monitro-source-feed-b", "monitro-store"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["live"], report.Entries["monitro-pipeline"].Tags);
        Assert.All(report.Entries.Where(e => e.Key != "monitro-pipeline"), e => Assert.Equal(["ready"], e.Value.Tags));
    }

    [Fact]
    public async Task AddMonitroHealthChecks_CalledTwice_RegistersEachCheckOnce()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMonitro().AddSource(new InMemorySource("feed", []));
        services.AddHealthChecks().AddMonitroHealthChecks().AddMonitroHealthChecks(o => o.SourceFailureThreshold = 5);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(4, report.Entries.Count);
        Assert.Equal(5, provider.GetRequiredService<IOptions<MonitroHealthCheckOptions>>().Value.SourceFailureThreshold);
    }

    [Fact]
    public async Task SourceCheck_BeforeAndAfterTheRun_IsDegradedUntilStartedThenHealthyAtItsEnd()
    {
        await using var provider = Build(b => b.AddSource(new InMemorySource("feed", TestPosts.Numbered(3))));
        var health = provider.GetRequiredService<HealthCheckService>();
        var before = await health.CheckHealthAsync(r => r.Name == "monitro-source-feed");

        await provider.GetRequiredService<MentionMonitor>().ListenAllAsync();
        var after = await health.CheckHealthAsync(r => r.Name == "monitro-source-feed");

        Assert.Equal(HealthStatus.Degraded, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Equal(TestPosts.Epoch.AddMinutes(3), after.Entries["monitro-source-feed"].Data["newestPostAt"]);
    }

    [Fact]
    public async Task StoreCheck_InMemoryStore_IsHealthy()
    {
        await using var provider = Build(_ => { });

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "monitro-store");

        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    [Fact]
    public async Task OutboxCheck_AlertsDueRecently_IsHealthyWithTheCount()
    {
        await using var provider = Build(_ => { });
        await provider.GetRequiredService<IMonitroStore>().CommitAsync(M.Batch("1", M.Post("1", "jane"), M.Post("2", "omar")));
        _time.Advance(TimeSpan.FromMinutes(9));

        var entry = await CheckOutboxAsync(provider);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(2L, entry.Data["waiting"]);
    }

    [Fact]
    public async Task OutboxCheck_AlertDueLongerThanTheStallThreshold_IsUnhealthy()
    {
        await using var provider = Build(_ => { });
        await provider.GetRequiredService<IMonitroStore>().CommitAsync(M.Batch("1", M.Post("1", "jane")));
        _time.Advance(TimeSpan.FromMinutes(11));

        var entry = await CheckOutboxAsync(provider);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("Delivery stalled: 1 alert(s) wait", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboxCheck_AlertGivenUpRecently_IsDegradedUntilTheWindowPasses()
    {
        await using var provider = Build(_ => { });
        await provider.GetRequiredService<IMonitroStore>().CommitAsync(M.Batch("1", M.Post("1", "jane")));
        var outbox = provider.GetRequiredService<IAlertOutbox>();
        var entry = Assert.Single(await outbox.ClaimDueAsync(10, Lease));
        await outbox.MoveToDeadLetterAsync(entry.Alert.IdempotencyKey, "the receiver answered 410 Gone");

        var recent = await CheckOutboxAsync(provider);
        _time.Advance(TimeSpan.FromMinutes(61));
        var later = await CheckOutboxAsync(provider);

        Assert.Equal(HealthStatus.Degraded, recent.Status);
        Assert.StartsWith("Dead letters are growing", recent.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, later.Status);
        Assert.Equal(1L, later.Data["deadAlerts"]);
    }

    [Fact]
    public async Task PipelineCheck_RunStoppedWithAnError_IsUnhealthy()
    {
        await using var provider = Build(_ => { });
        var health = provider.GetRequiredService<HealthCheckService>();
        var before = await health.CheckHealthAsync(r => r.Name == "monitro-pipeline");

        provider.GetRequiredService<PipelineActivity>().RunStopped(new InvalidDataException("disk full"));
        var after = await health.CheckHealthAsync(r => r.Name == "monitro-pipeline");

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
        Assert.Contains("InvalidDataException", after.Entries["monitro-pipeline"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMonitroHealthChecks_ZeroFailureThreshold_FailsValidationNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMonitro();
        services.AddHealthChecks().AddMonitroHealthChecks(o => o.SourceFailureThreshold = 0);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitroHealthCheckOptions>>().Value);

        Assert.Contains("SourceFailureThreshold", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Action<IMonitroBuilder> configure)
    {
        var provider = MonitroTestHost.Build(configure, timeProvider: _time, services: s => s.AddHealthChecks().AddMonitroHealthChecks());
        return provider;
    }

    private static async Task<HealthReportEntry> CheckOutboxAsync(ServiceProvider provider)
    {
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "monitro-outbox");
        return report.Entries["monitro-outbox"];
    }
}
