using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Monitro.Alerting.Delivery;
using Monitro.Storage.Sqlite;
using Monitro.Testing;

namespace Monitro.Benchmarks.Delivery;

/// <summary>
/// Alerts delivered per second by the real <see cref="AlertDispatcher"/>: each operation drains
/// <see cref="AlertsPerOperation"/> alerts, committed to the outbox before it (in the iteration setup, not measured),
/// to an in-process sink that does nothing, from the in-memory store and from a SQLite file (durable against power
/// loss). The baseline of each store, in the same run, is the same outbox with its batch settlement hidden
/// (<see cref="SingleKeySettlementOutbox"/>), so the dispatcher marks each alert delivered with its own write.
/// Alerts per second = <c>1 / mean</c> (the mean is per alert). The workload is <see cref="DeliveryWorkload"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases the stores in [GlobalCleanup].")]
public class DeliveryThroughputBenchmarks
{
    /// <summary>The alerts each operation delivers: four claims of the dispatcher's 64.</summary>
    public const int AlertsPerOperation = DeliveryWorkload.AlertsPerRound;

    private readonly DeliveryWorkload _workload = new();
    private string _folder = string.Empty;
    private InMemoryMonitroStore _memory = null!;
    private SqliteMonitroStore _sqlite = null!;
    private string[] _keys = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "monitro-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _memory = new InMemoryMonitroStore();
        _sqlite = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = Path.Combine(_folder, "outbox.db") });
        _sqlite.MigrateAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [IterationSetup(Targets = [nameof(InMemoryOneKeyAtATime), nameof(InMemoryBatchSettlement)])]
    public void FillInMemoryOutbox() => Fill(_memory);

    [IterationSetup(Targets = [nameof(SqliteOneKeyAtATime), nameof(SqliteBatchSettlement)])]
    public void FillSqliteOutbox() => Fill(_sqlite);

    [Benchmark(Baseline = true, OperationsPerInvoke = AlertsPerOperation)]
    [BenchmarkCategory("in-memory")]
    public Task InMemoryOneKeyAtATime() => DeliverAllAsync(_memory, new SingleKeySettlementOutbox(_memory));

    [Benchmark(OperationsPerInvoke = AlertsPerOperation)]
    [BenchmarkCategory("in-memory")]
    public Task InMemoryBatchSettlement() => DeliverAllAsync(_memory, _memory);

    [Benchmark(Baseline = true, OperationsPerInvoke = AlertsPerOperation)]
    [BenchmarkCategory("sqlite")]
    public Task SqliteOneKeyAtATime() => DeliverAllAsync(_sqlite, new SingleKeySettlementOutbox(_sqlite));

    [Benchmark(OperationsPerInvoke = AlertsPerOperation)]
    [BenchmarkCategory("sqlite")]
    public Task SqliteBatchSettlement() => DeliverAllAsync(_sqlite, _sqlite);

    private void Fill(IMonitroStore store) => _keys = _workload.Fill(store);

    private Task DeliverAllAsync(IMonitroStore store, IAlertOutbox outbox) => _workload.DeliverAllAsync(store, outbox, _keys);
}
