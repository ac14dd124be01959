using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Monitro.Storage.Sqlite;

namespace Monitro.Benchmarks.Storage;

/// <summary>
/// Ingest with matching on: each operation matches <see cref="IngestWorkload.BatchesPerOperation"/> batches of
/// <see cref="IngestWorkload.PostsPerBatch"/> posts against a watch and commits the matched posts, their mentions, alerts and
/// the checkpoint, one commit per batch, into SQLite (durable against power loss, or only against a crash)
/// and into the in-memory store as the baseline. Posts per second = <c>5,000 / mean</c>.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases the stores in [GlobalCleanup].")]
public class SqliteIngestBenchmarks
{
    private readonly IngestWorkload _workload = new();
    private string _folder = string.Empty;
    private SqliteMonitroStore _durable = null!;
    private SqliteMonitroStore _crashSafe = null!;
    private InMemoryMonitroStore _memory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "monitro-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _durable = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = Path.Combine(_folder, "durable.db") });
        _crashSafe = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = Path.Combine(_folder, "crash-safe.db"), DurableAgainstPowerLoss = false });
        _memory = new InMemoryMonitroStore();
        _durable.MigrateAsync().AsTask().GetAwaiter().GetResult();
        _crashSafe.MigrateAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _durable.Dispose();
        _crashSafe.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = IngestWorkload.PostsPerOperation)]
    public Task InMemory() => IngestAsync(_memory);

    [Benchmark(OperationsPerInvoke = IngestWorkload.PostsPerOperation)]
    public Task SqliteDurable() => IngestAsync(_durable);

    [Benchmark(OperationsPerInvoke = IngestWorkload.PostsPerOperation)]
    public Task SqliteCrashSafe() => IngestAsync(_crashSafe);

    private Task IngestAsync(IMonitroStore store) => _workload.IngestAsync(store);
}
