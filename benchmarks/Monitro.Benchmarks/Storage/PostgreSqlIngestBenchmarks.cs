using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Monitro.Storage.PostgreSql;
using Monitro.Storage.Sqlite;
using Npgsql;

namespace Monitro.Benchmarks.Storage;

/// <summary>
/// Ingest with matching on into PostgreSQL against the SQLite store in the same run: each operation matches
/// <see cref="IngestWorkload.BatchesPerOperation"/> batches of <see cref="IngestWorkload.PostsPerBatch"/> posts against a watch and commits the
/// matched posts, their mentions, alerts and the checkpoint, one transaction per batch.
/// </summary>
/// <remarks>
/// The server comes from <c>MONITRO_POSTGRES</c> (or <c>artifacts/postgres.env</c>, written by
/// <c>.ci/postgres.sh start</c>); each run uses a fresh schema, dropped at the end. Without a server the
/// PostgreSQL benchmark says so and measures nothing, so a dry run in CI passes without PostgreSQL.
/// </remarks>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases the stores in [GlobalCleanup].")]
public class PostgreSqlIngestBenchmarks
{
    private readonly IngestWorkload _workload = new();
    private string _folder = string.Empty;
    private string? _connectionString;
    private string _schema = string.Empty;
    private SqliteMonitroStore _sqlite = null!;
    private PostgreSqlMonitroStore? _postgres;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "monitro-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _sqlite = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = Path.Combine(_folder, "durable.db") });
        _sqlite.MigrateAsync().AsTask().GetAwaiter().GetResult();

        _connectionString = FindConnectionString();
        if (_connectionString is null)
        {
            Console.WriteLine("// PostgreSqlIngestBenchmarks: MONITRO_POSTGRES is not set (run `eval \"$(.ci/postgres.sh start)\"`); the PostgreSql benchmark measures nothing.");
            return;
        }

        _schema = "bench_" + Guid.NewGuid().ToString("N");
        _postgres = new PostgreSqlMonitroStore(new PostgreSqlStoreOptions { ConnectionString = _connectionString, SchemaName = _schema });
        _postgres.MigrateAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        if (_postgres is not null)
        {
            _postgres.Dispose();
            using var dataSource = NpgsqlDataSource.Create(_connectionString!);
            using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE;");
            drop.ExecuteNonQuery();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = IngestWorkload.PostsPerOperation)]
    public Task SqliteDurable() => IngestAsync(_sqlite);

    [Benchmark(OperationsPerInvoke = IngestWorkload.PostsPerOperation)]
    public Task PostgreSql() => _postgres is null ? Task.CompletedTask : IngestAsync(_postgres);

    private Task IngestAsync(IMonitroStore store) => _workload.IngestAsync(store);

    /// <summary>Gets the connection string of the benchmarks' PostgreSQL server, or <see langword="null"/> when none was started.</summary>
    internal static string? FindConnectionString()
    {
        var value = Environment.GetEnvironmentVariable("MONITRO_POSTGRES");
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine(folder.FullName, "artifacts", "postgres.env");
            if (File.Exists(file))
            {
                var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("MONITRO_POSTGRES=", StringComparison.Ordinal));
                return line?["MONITRO_POSTGRES=".Length..].Trim().Trim('\'', '"');
            }
        }

        return null;
    }
}
