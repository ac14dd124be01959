using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Monitro.Storage.PostgreSql;
using Monitro.Storage.Sqlite;
using Npgsql;

namespace Monitro.Benchmarks.Storage;

/// <summary>
/// Ingest with matching on into PostgreSQL against the SQLite store in the same run: each operation matches
/// <see cref="BatchesPerOperation"/> batches of <see cref="PostsPerBatch"/> posts against a watch and commits the
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
    public const int PostsPerBatch = 500;
    public const int BatchesPerOperation = 10;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly MentionMatcher _matcher = new();
    private string _folder = string.Empty;
    private string? _connectionString;
    private string _schema = string.Empty;
    private SqliteMonitroStore _sqlite = null!;
    private PostgreSqlMonitroStore? _postgres;
    private long _nextPost;

    [GlobalSetup]
    public void Setup()
    {
        _matcher.AddWatch(new Watch { Name = "acme", Category = WatchCategory.Brand, Query = "acme OR \"acme corp\" -hiring" });
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

    [Benchmark(Baseline = true, OperationsPerInvoke = PostsPerBatch * BatchesPerOperation)]
    public Task SqliteDurable() => IngestAsync(_sqlite);

    [Benchmark(OperationsPerInvoke = PostsPerBatch * BatchesPerOperation)]
    public Task PostgreSql() => _postgres is null ? Task.CompletedTask : IngestAsync(_postgres);

    private async Task IngestAsync(IMonitroStore store)
    {
        for (var b = 0; b < BatchesPerOperation; b++)
        {
            var posts = new List<Post>();
            var mentions = new List<Mention>();
            for (var i = 0; i < PostsPerBatch; i++)
            {
                var post = CreatePost(_nextPost++);
                var found = _matcher.Match(post);
                if (found.Count > 0)
                {
                    posts.Add(post);
                    mentions.AddRange(found);
                }
            }

            await store.CommitAsync(new BatchCommit
            {
                SourceName = "bench",
                Posts = posts,
                Mentions = mentions,
                Alerts = mentions.ConvertAll(m => Alert.ForMention(m, Start)),
                Checkpoint = new SourceCheckpoint("bench", _nextPost.ToString(CultureInfo.InvariantCulture)),
            });
        }
    }

    private static string? FindConnectionString()
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

    // Half of the posts mention acme, as in a focused search feed (the same posts as SqliteIngestBenchmarks).
    private static Post CreatePost(long n) => new()
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"bench:{n}"),
        Source = "bench",
        Author = new Author { Platform = "mastodon", Handle = string.Create(CultureInfo.InvariantCulture, $"user{n % 2000}@example.social") },
        Text = n % 2 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Has anyone switched from globex to acme corp? Post {n} asks for advice on invoicing.")
            : string.Create(CultureInfo.InvariantCulture, $"Lovely weather in town today, post {n}, nothing about software at all."),
        CreatedAt = Start.AddSeconds(n),
        Language = "en",
    };
}
