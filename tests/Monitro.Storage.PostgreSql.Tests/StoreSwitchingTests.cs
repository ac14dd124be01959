using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitro.Storage.Sqlite;
using Npgsql;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>
/// Switching stores on one builder (<c>UseSqlite</c> then <c>UsePostgreSql</c>, or the reverse): the last call wins
/// whole, so no registration of the earlier store is left, and the host starts with the last store's initializer only.
/// </summary>
public sealed class StoreSwitchingTests : SchemaPerTest
{
    // Nothing listens on the discard port: a PostgreSQL initializer left behind would fail the host start.
    private const string UnreachablePostgres = "Host=127.0.0.1;Port=9;Username=monitro;Database=monitro;Timeout=5";

    private static readonly Assembly PostgreSqlStore = typeof(PostgreSqlMonitroStore).Assembly;
    private static readonly Assembly SqliteStore = typeof(SqliteMonitroStore).Assembly;

    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "monitro-store-switching", Guid.NewGuid().ToString("N"))).FullName;

    private string SqliteFile => Path.Combine(_folder, "monitro.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task UseSqlite_AfterUsePostgreSql_LeavesOnlySqliteAndStartsOnlyItsInitializer()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddMonitro()
            .UsePostgreSql(options => options.ConnectionString = UnreachablePostgres)
            .UseSqlite(SqliteFile);

        Assert.DoesNotContain(builder.Services, descriptor => Names(descriptor, PostgreSqlStore));
        Assert.DoesNotContain(builder.Services, descriptor => descriptor.ServiceType == typeof(NpgsqlDataSource));
        using var host = builder.Build();
        AssertOnlyStore<SqliteMonitroStore>(host.Services, SqliteStore, PostgreSqlStore);

        await host.StartAsync();
        await host.StopAsync();

        Assert.True(File.Exists(SqliteFile), "the SQLite initializer did not run");
    }

    [PostgresFact]
    public async Task UsePostgreSql_AfterUseSqlite_LeavesOnlyPostgreSqlAndStartsOnlyItsInitializer()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddMonitro()
            .UseSqlite(SqliteFile)
            .UsePostgreSql(options =>
            {
                options.ConnectionString = Schema.ConnectionString;
                options.SchemaName = Schema.Name;
            });

        Assert.DoesNotContain(builder.Services, descriptor => Names(descriptor, SqliteStore));
        using var host = builder.Build();
        AssertOnlyStore<PostgreSqlMonitroStore>(host.Services, PostgreSqlStore, SqliteStore);

        await host.StartAsync();
        await host.StopAsync();

        Assert.False(File.Exists(SqliteFile), "the SQLite initializer ran although PostgreSQL replaced SQLite");
        Assert.True(await Schema.ScalarAsync("SELECT max(version) FROM schema_version;") >= 1, "the PostgreSQL initializer did not migrate");
    }

    [Fact]
    public async Task UseSqlite_BetweenTwoUsePostgreSql_TheLastPostgreSqlOptionsAloneApply()
    {
        var services = new ServiceCollection();
        services.AddMonitro()
            .UsePostgreSql(options =>
            {
                options.ConnectionString = UnreachablePostgres;
                options.SchemaName = "first";
            })
            .UseSqlite(SqliteFile)
            .UsePostgreSql(UnreachablePostgres);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        AssertOnlyStore<PostgreSqlMonitroStore>(provider, PostgreSqlStore, SqliteStore);
        Assert.Equal("monitro", provider.GetRequiredService<PostgreSqlMonitroStore>().SchemaName);
    }

    // Every store contract is answered by the one TStore, and the hosted services come from the winning store only.
    private static void AssertOnlyStore<TStore>(IServiceProvider services, Assembly winner, Assembly replaced)
        where TStore : class
    {
        var store = services.GetRequiredService<TStore>();
        Assert.Same(store, Assert.Single(services.GetServices<IMonitroStore>()));
        Assert.Same(store, Assert.Single(services.GetServices<IAlertOutbox>()));
        Assert.Same(store, Assert.Single(services.GetServices<IMonitroQueries>()));
        Assert.Same(store, Assert.Single(services.GetServices<IPersonDataEraser>()));
        Assert.Same(store, Assert.Single(services.GetServices<IRelationshipSnapshotStore>()));
        var hosted = services.GetServices<IHostedService>().ToList();
        Assert.Single(hosted, service => service.GetType().Assembly == winner);
        Assert.DoesNotContain(hosted, service => service.GetType().Assembly == replaced);
    }

    // Whether a descriptor names a type of the assembly: as service, implementation or instance type, or in their type arguments.
    private static bool Names(ServiceDescriptor descriptor, Assembly assembly)
    {
        var types = descriptor.IsKeyedService
            ? new[] { descriptor.ServiceType, descriptor.KeyedImplementationType, descriptor.KeyedImplementationInstance?.GetType() }
            : [descriptor.ServiceType, descriptor.ImplementationType, descriptor.ImplementationInstance?.GetType()];
        return types.OfType<Type>().Any(type => Names(type, assembly));
    }

    private static bool Names(Type type, Assembly assembly) =>
        type.Assembly == assembly || type.GetGenericArguments().Any(argument => Names(argument, assembly));
}
