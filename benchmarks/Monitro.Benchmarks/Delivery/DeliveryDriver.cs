using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitro.Benchmarks.Storage;
using Monitro.Benchmarks.Streaming;
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
            Report("in-memory", MeasureInMemory(workload, memory, memoryRounds));
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

    // With MONITRO_ALLOCATION_LOG=1 also the bytes allocated per alert by type during delivery (sampled from the
    // runtime's allocation ticks, about one per 100 KB, told from the untimed commits by their time stamps).
    private static DeliveryFigures MeasureInMemory(DeliveryWorkload workload, InMemoryMonitroStore memory, int rounds)
    {
        if (Environment.GetEnvironmentVariable("MONITRO_ALLOCATION_LOG") is not "1")
        {
            return Measure(workload, memory, memory, rounds);
        }

        var windows = new TimedWindows();
        DeliveryFigures figures;
        using (var allocations = new AllocationLog(windows.Contains))
        {
            figures = Measure(workload, memory, memory, rounds, windows);
            Thread.Sleep(TimeSpan.FromSeconds(2)); // the last ticks arrive late
            double alerts = rounds * DeliveryWorkload.AlertsPerRound;
            var sampled = 0L;
            foreach (var (type, bytes) in allocations.ByType)
            {
                sampled += bytes;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {bytes / alerts,7:F1} B per alert (sampled) {type}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {sampled / alerts,7:F1} B per alert (sampled) in all"));
        }

        return figures;
    }

    private static void Report(string store, DeliveryFigures figures) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{store}: {figures.AlertsPerSecond:0} alerts/s, {figures.BytesPerAlert:0} B allocated per alert, {figures.WorkItemsPerRound:0.0} thread-pool work items per round, collections per 100,000 alerts {figures.CollectionsPer100k[0]:0.0}/{figures.CollectionsPer100k[1]:0.0}/{figures.CollectionsPer100k[2]:0.0} (gen 0/1/2)"));

    private static DeliveryFigures Measure(DeliveryWorkload workload, IMonitroStore store, IAlertOutbox outbox, int rounds, TimedWindows? windows = null)
    {
        long elapsed = 0;
        long allocated = 0;
        long workItems = 0;
        var collections = new long[3];
        for (var round = 0; round < WarmUpRounds + rounds; round++)
        {
            var keys = workload.Fill(store);
            var counted = round >= WarmUpRounds;
            // Every thread's allocations: the dispatcher may continue on a pool thread after an await.
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var workItemsBefore = ThreadPool.CompletedWorkItemCount;
            var collectionsBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            if (counted)
            {
                windows?.Start();
            }

            var started = Stopwatch.GetTimestamp();
            workload.DeliverAllAsync(store, outbox, keys).GetAwaiter().GetResult();
            var stopped = Stopwatch.GetTimestamp();
            windows?.Stop();
            if (counted)
            {
                elapsed += stopped - started;
                allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                workItems += ThreadPool.CompletedWorkItemCount - workItemsBefore;
                for (var generation = 0; generation < collections.Length; generation++)
                {
                    collections[generation] += GC.CollectionCount(generation) - collectionsBefore[generation];
                }
            }
        }

        double alerts = rounds * DeliveryWorkload.AlertsPerRound;
        return new DeliveryFigures(
            alerts * Stopwatch.Frequency / elapsed,
            allocated / alerts,
            (double)workItems / rounds,
            Array.ConvertAll(collections, count => count * 100_000 / alerts));
    }
}
