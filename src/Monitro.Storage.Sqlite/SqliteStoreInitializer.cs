using Microsoft.Extensions.Hosting;

namespace Monitro.Storage.Sqlite;

/// <summary>Migrates the database when the host starts, so a schema problem stops the start instead of the first batch.</summary>
internal sealed class SqliteStoreInitializer(SqliteMonitroStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken).AsTask();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
