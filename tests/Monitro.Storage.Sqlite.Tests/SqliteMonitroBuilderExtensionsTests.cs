using Monitro.Storage.Sqlite.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Monitro.Storage.Sqlite.Tests;

public sealed class SqliteMonitroBuilderExtensionsTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task UseSqlite_ReplacesAnEarlierStoreAndMigratesOnHostStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IMonitroStore, PlaceholderStore>();
        new Builder(builder.Services).UseSqlite(_database.FilePath);
        using var host = builder.Build();

        await host.StartAsync();

        var store = host.Services.GetRequiredService<IMonitroStore>();
        Assert.IsType<SqliteMonitroStore>(store);
        Assert.Single(host.Services.GetServices<IMonitroStore>());
        Assert.Same(store, host.Services.GetRequiredService<IAlertOutbox>());
        Assert.Same(store, host.Services.GetRequiredService<IMonitroQueries>());
        Assert.Same(store, host.Services.GetRequiredService<IPersonDataEraser>());
        Assert.Same(store, host.Services.GetRequiredService<IRelationshipSnapshotStore>());
        Assert.Same(store, host.Services.GetRequiredService<IInteractionHistory>());
        Assert.Equal(SchemaMigrations.LatestVersion, _database.Scalar("SELECT MAX(version) FROM schema_version;"));
        await host.StopAsync();
    }

    [Fact]
    public async Task UseSqlite_InMemoryDatabase_FailsTheStartNamingTheOption()
    {
        var builder = Host.CreateApplicationBuilder();
        new Builder(builder.Services).UseSqlite("Data Source=:memory:");
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ConnectionString", exception.Message, StringComparison.Ordinal);
        Assert.Contains("in-memory", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "ConnectionString")]
    [InlineData("Data Source=x.db;Mode=ReadOnly", "ConnectionString")]
    [InlineData("Data Source=x.db;Bogus=1", "not a valid SQLite connection string")]
    public void Constructor_InvalidConnectionString_ThrowsNamingTheProblem(string connectionString, string expected)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = connectionString }));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BusyTimeoutTooLong_Throws()
    {
        var options = new SqliteStoreOptions { ConnectionString = _database.FilePath, BusyTimeout = TimeSpan.FromHours(1) };

        var exception = Assert.Throws<OptionsValidationException>(() => new SqliteMonitroStore(options));

        Assert.Contains("BusyTimeout", exception.Message, StringComparison.Ordinal);
    }

    private sealed record Builder(IServiceCollection Services) : IMonitroBuilder;

    private sealed class PlaceholderStore : IMonitroStore
    {
        public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
