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
    /// <summary>Keeps Monitro's data in a SQLite file, replacing the store registered before.</summary>
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

    /// <summary>Keeps Monitro's data in a SQLite file, replacing the store registered before.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteStoreOptions.ConnectionString"/> is required.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <remarks>
    /// <para>The store is registered as <see cref="IMonitroStore"/>, <see cref="IAlertOutbox"/>, <see cref="IMonitroQueries"/>,
    /// <see cref="IInteractionHistory"/>, <see cref="IPersonDataEraser"/> and <see cref="IRelationshipSnapshotStore"/>, one instance for all. The options are
    /// validated and the schema migrated when the host starts.</para>
    /// <para>The last store registered wins: a later <c>UseSqlite</c> or <c>UsePostgreSql</c> removes everything this call
    /// registered (store, options, validator, initializer), and this call removes those of the store before.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IMonitroBuilder UseSqlite(this IMonitroBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.UseStore(
            static provider => new SqliteMonitroStore(
                provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
                provider.GetService<TimeProvider>(),
                provider.GetService<ILogger<SqliteMonitroStore>>()),
            services =>
            {
                services.AddOptions<SqliteStoreOptions>().Configure(configure).ValidateOnStart();
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsCustomValidator>());
                services.TryAddSingleton(TimeProvider.System);
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SqliteStoreInitializer>());
            });
    }
}
