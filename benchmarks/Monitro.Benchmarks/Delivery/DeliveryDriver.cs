using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitro.Benchmarks.Storage;
using Monitro.Storage.PostgreSql;
using Monitro.Storage.Sqlite;
using Npgsql;
using Monitro.Testing;

namespace Monitro.Benchmarks.Delivery;

/// <summary>
/// <c>delivery [in-memory rounds] [SQLite and PostgreSQL rounds]</c>: the workload of <see cref="DeliveryThroughputBenchmarks"/> as one plain process, so that
/// another build of the dispatcher (the code before the alerting rework) can run the very same loop beside it, pair by
/// pair, which BenchmarkDotNet cannot do within one run. Only the dispatcher's runs are timed, never the commits that
/// fill the outbox. Prints alerts per second and bytes allocated per alert (every thread's) for the in-memory store, a SQLite file and (when <c>MONITRO_POSTGRES</c> names a server) PostgreSQL, each as the dispatcher uses
/// it and with one write per delivered alert (<see cref="SingleKeySettlementOutbox"/>), after two warm-up rounds.
/// </summary>
internal static class DeliveryDriver
{
    private const int WarmUpRounds = 2;

    public static int Run(IReadOnlyList<string> arguments)
    {
        // SQLite waits for the disk at each settling write, hundreds of times longer than the in-memory store: fewer rounds.
        var memoryRounds = arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 200;
        var sqliteRounds = arguments.Count > 1 ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 5;
        var workload = new DeliveryWorkload();
        var folder = Path.Combine(Path.GetTempPath(), "monitro-delivery-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var memory = new InMemoryMonitroStore();
            Report("in-memory", Measure(workload, memory, memory, memoryRounds));
            Report("in-memory one-key", Measure(workload, memory, new SingleKeySettlementOutbox(memory), memoryRounds));
            using (var sqlite = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = Path.Combine(folder, "outbox.db") }))
            {
                sqlite.MigrateAsync().AsTask().GetAwaiter().GetResult();
                Report("sqlite", Measure(workload, sqlite, sqlite, sqliteRounds));
                Report("sqlite one-key", Measure(workload, sqlite, new SingleKeySettlementOutbox(sqlite), sqliteRounds));
            }

            SqliteConnection.ClearAllPools();
            MeasurePostgreSql(workload, sqliteRounds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    // The PostgreSQL outbox, in a schema of its own that is dropped after, when a server was started (.ci/postgres.sh).
    private static void MeasurePostgreSql(DeliveryWorkload workload, int rounds)
    {
        if (PostgreSqlIngestBenchmarks.FindConnectionString() is not { } connectionString)
        {
            Console.WriteLine("postgresql: MONITRO_POSTGRES is not set (run `eval \"$(.ci/postgres.sh start)\"`), not measured");
            return;
        }

        var schema = "delivery_" + Guid.NewGuid().ToString("N");
        try
        {
            using var postgres = new PostgreSqlMonitroStore(new PostgreSqlStoreOptions { ConnectionString = connectionString, SchemaName = schema });
            postgres.MigrateAsync().AsTask().GetAwaiter().GetResult();
            Report("postgresql", Measure(workload, postgres, postgres, rounds));
            Report("postgresql one-key", Measure(workload, postgres, new SingleKeySettlementOutbox(postgres), rounds));
        }
        finally
        {
            using var dataSource = NpgsqlDataSource.Create(connectionString);
            using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
            drop.ExecuteNonQuery();
        }
    }

    private static void Report(string store, (double AlertsPerSecond, double BytesPerAlert) figures) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store}: {figures.AlertsPerSecond:0} alerts/s, {figures.BytesPerAlert:0} B allocated per alert"));

    private static (double AlertsPerSecond, double BytesPerAlert) Measure(DeliveryWorkload workload, IMonitroStore store, IAlertOutbox outbox, int rounds)
    {
        long elapsed = 0;
        long allocated = 0;
        for (var round = 0; round < WarmUpRounds + rounds; round++)
        {
            var keys = workload.Fill(store);
            // Every thread's allocations: the dispatcher may continue on a pool thread after an await.
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            workload.DeliverAllAsync(store, outbox, keys).GetAwaiter().GetResult();
            var stopped = Stopwatch.GetTimestamp();
            if (round >= WarmUpRounds)
            {
                elapsed += stopped - started;
                allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            }
        }

        double alerts = rounds * DeliveryWorkload.AlertsPerRound;
        return (alerts * Stopwatch.Frequency / elapsed, (double)allocated / alerts);
    }
}
