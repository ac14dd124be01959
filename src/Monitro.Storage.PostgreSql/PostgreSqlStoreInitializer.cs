using Microsoft.Extensions.Hosting;

namespace Monitro.Storage.PostgreSql;

/// <summary>Migrates the schema when the host starts, so an unreachable server or a schema problem stops the start instead of the first batch.</summary>
internal sealed class PostgreSqlStoreInitializer(PostgreSqlMonitroStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken).AsTask();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
