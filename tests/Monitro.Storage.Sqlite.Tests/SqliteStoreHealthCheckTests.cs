using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>The store and outbox health checks on a real SQLite file, and on one that cannot be opened.</summary>
public sealed class SqliteStoreHealthCheckTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task StoreAndOutboxChecks_ReachableFile_AreHealthy()
    {
        await using var provider = Build(_database.FilePath);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name is "monitro-store" or "monitro-outbox");

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(0L, report.Entries["monitro-outbox"].Data["waiting"]);
    }

    [Fact]
    public async Task StoreCheck_FileInAMissingFolder_IsUnhealthyNamingTheStore()
    {
        await using var provider = Build(Path.Combine(_database.FilePath + ".missing", "sub", "monitro.db"));

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name is "monitro-store" or "monitro-outbox");

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["monitro-store"].Status);
        Assert.StartsWith("SqliteMonitroStore does not answer", report.Entries["monitro-store"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["monitro-outbox"].Status);
    }

    private static ServiceProvider Build(string path)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMonitro().UseSqlite(o => o.ConnectionString = path);
        services.AddHealthChecks().AddMonitroHealthChecks();
        return services.BuildServiceProvider();
    }
}
