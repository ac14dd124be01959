using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Storage.Sqlite;

namespace Monitro;

/// <summary>Registers the SQLite store on an <see cref="IMonitroBuilder"/>.</summary>
public static class SqliteMonitroBuilderExtensions
{
    /// <summary>Keeps Monitro's data in a SQLite file, replacing the in-memory store.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="pathOrConnectionString">A path to the database file (<c>monitro.db</c>, created when missing) or a connection string (<c>Data Source=monitro.db</c>).</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="pathOrConnectionString"/> is null or empty.</exception>
    public static IMonitroBuilder UseSqlite(this IMonitroBuilder builder, string pathOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrConnectionString);
        return builder.UseSqlite(options => options.ConnectionString = pathOrConnectionString);
    }

    /// <summary>Keeps Monitro's data in a SQLite file, replacing the in-memory store.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteStoreOptions.ConnectionString"/> is required.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <remarks>
    /// The store is registered as <see cref="IMonitroStore"/>, <see cref="IAlertOutbox"/>, <see cref="IMonitroQueries"/>,
    /// <see cref="IPersonDataEraser"/> and <see cref="IRelationshipSnapshotStore"/>, one instance for all. The options are
    /// validated and the schema migrated when the host starts. Calling this twice keeps one registration.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IMonitroBuilder UseSqlite(this IMonitroBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<SqliteStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SqliteMonitroStore(
            provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
            provider.GetService<TimeProvider>(),
            provider.GetService<ILogger<SqliteMonitroStore>>()));
        ReplaceWithStore<IMonitroStore>(services);
        ReplaceWithStore<IAlertOutbox>(services);
        ReplaceWithStore<IMonitroQueries>(services);
        ReplaceWithStore<IPersonDataEraser>(services);
        ReplaceWithStore<IRelationshipSnapshotStore>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SqliteStoreInitializer>());
        return builder;
    }

    // Every earlier registration goes (the in-memory default, or UseSqlite called before), so one store answers.
    private static void ReplaceWithStore<TService>(IServiceCollection services)
        where TService : class
    {
        services.RemoveAll<TService>();
        services.AddSingleton(provider => (TService)(object)provider.GetRequiredService<SqliteMonitroStore>());
    }
}
