using Microsoft.Extensions.Logging;
using Monitro.Storage.PostgreSql;

namespace Monitro.Orleans.PostgreSql.Hosting;

/// <summary>
/// Brings the schema of the membership table up to date at the very first stage of a silo's start, before the
/// clustering provider reads its queries; an unreachable server or a bad option stops the start here.
/// </summary>
internal sealed class ClusteringSchemaMigration(PostgreSqlStoreOptions options, ILogger<ClusteringSchemaMigration> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClusteringSchemaMigration), ServiceLifecycleStage.First, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var store = new PostgreSqlMonitroStore(options);
        await using (store.ConfigureAwait(false))
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        logger.ClusteringSchemaReady(options.SchemaName);
    }
}
