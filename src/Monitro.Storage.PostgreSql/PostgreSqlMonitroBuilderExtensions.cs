using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Storage.PostgreSql;
using Npgsql;

namespace Monitro;

/// <summary>Registers the PostgreSQL store on an <see cref="IMonitroBuilder"/>.</summary>
public static class PostgreSqlMonitroBuilderExtensions
{
    /// <summary>The service key of the <see cref="NpgsqlDataSource"/> Monitro registers, so it never replaces the application's own.</summary>
    public const string DataSourceServiceKey = "Monitro";

    /// <summary>Keeps Monitro's data in a PostgreSQL database (schema <c>monitro</c>), replacing the store registered before.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="connectionString">The Npgsql connection string (<c>Host=db;Database=crm;Username=monitro;Password=…</c>).</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or empty.</exception>
    public static IMonitroBuilder UsePostgreSql(this IMonitroBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return builder.UsePostgreSql(options => options.ConnectionString = connectionString);
    }

    /// <summary>Keeps Monitro's data in a PostgreSQL database, replacing the store registered before.</summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="configure">Sets the options; <see cref="PostgreSqlStoreOptions.ConnectionString"/> is required.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <remarks>
    /// <para>An <see cref="NpgsqlDataSource"/> for the store's schema is registered under the key
    /// <see cref="DataSourceServiceKey"/> and disposed with the container. The store is registered as
    /// <see cref="IMonitroStore"/>, <see cref="IAlertOutbox"/>, <see cref="IMonitroQueries"/>,
    /// <see cref="IInteractionHistory"/>, <see cref="IPersonDataEraser"/> and <see cref="IRelationshipSnapshotStore"/>, one instance for all.</para>
    /// <para>The options are validated and the schema migrated when the host starts.</para>
    /// <para>The last store registered wins: a later <c>UseSqlite</c> or <c>UsePostgreSql</c> removes everything this call
    /// registered (store, data source, options, validator, initializer), and this call removes those of the store before.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IMonitroBuilder UsePostgreSql(this IMonitroBuilder builder, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.UseStore(
            static provider => new PostgreSqlMonitroStore(
                provider.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceServiceKey),
                provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value,
                provider.GetService<TimeProvider>(),
                provider.GetService<ILogger<PostgreSqlMonitroStore>>()),
            services =>
            {
                services.AddOptions<PostgreSqlStoreOptions>().Configure(configure).ValidateOnStart();
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>());
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsCustomValidator>());
                services.TryAddSingleton(TimeProvider.System);
                services.TryAddKeyedSingleton(
                    DataSourceServiceKey,
                    static (provider, _) => PostgreSqlMonitroStore.CreateDataSource(provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgreSqlStoreInitializer>());
            });
    }
}
