using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitro.Orleans.PostgreSql.Hosting;
using Monitro.Storage.PostgreSql;
using Npgsql;

namespace Monitro;

/// <summary>Registers PostgreSQL for Monitro's scale-out on an Orleans silo.</summary>
public static class MonitroOrleansPostgreSqlExtensions
{
    /// <summary>
    /// Makes the silo's cluster membership a table in PostgreSQL, through Orleans' ADO.NET clustering provider, and
    /// creates that table and the provider's named queries with Monitro's migrations before the silo joins.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="options">The database and the schema of the membership table; every silo of a cluster names the same.
    /// Checked when the silo starts.</param>
    /// <returns>The silo builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <remarks>The cluster is the one of <c>ClusterOptions.ClusterId</c>: several clusters may share a schema.</remarks>
    public static ISiloBuilder UseMonitroPostgreSqlClustering(this ISiloBuilder builder, PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.UseAdoNetClustering(clustering =>
        {
            // The provider reads its tables and queries without naming a schema: the search path names it.
            clustering.Invariant = "Npgsql";
            clustering.ConnectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = options.SchemaName }.ConnectionString;
        });
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new ClusteringSchemaMigration(options, services.GetRequiredService<ILogger<ClusteringSchemaMigration>>()));
        return builder;
    }
}
