using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Monitro.Storage.Sqlite;

namespace Monitro.Benchmarks.Storage;

/// <summary>
/// Ingest with matching on: each operation matches <see cref="BatchesPerOperation"/> batches of
/// <see cref="PostsPerBatch"/> posts against a watch and commits the matched posts, their mentions, alerts and
/// the checkpoint, one commit per batch, into SQLite (durable against power loss, or only against a crash)
/// and into the in-memory store as the baseline. Posts per second = <c>5,000 / mean</c>.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases the stores in [GlobalCleanup].")]
public class SqliteIngestBenchmarks
{
    public const int PostsPerBatch = 500;
    public const int BatchesPerOperation = 10;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly MentionMatcher _matcher = new();
    private string _folder = string.Empty;
    private SqliteMonitroStore _durable = null!;
    private SqliteMonitroStore _crashSafe = null!;
    private InMemoryMonitroStore _memory = null!;
    private long _nextPost;

    [GlobalSetup]
    public void Setup()
    {
        _matcher.AddWatch(new Watch { Name = "acme", Category = WatchCategory.Brand, Query = "acme OR \"acme corp\" -hiring" });
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

    [Benchmark(Baseline = true, OperationsPerInvoke = PostsPerBatch * BatchesPerOperation)]
    public Task InMemory() => IngestAsync(_memory);

    [Benchmark(OperationsPerInvoke = PostsPerBatch * BatchesPerOperation)]
    public Task SqliteDurable() => IngestAsync(_durable);

    [Benchmark(OperationsPerInvoke = PostsPerBatch * BatchesPerOperation)]
    public Task SqliteCrashSafe() => IngestAsync(_crashSafe);

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

    // Half of the posts mention acme, as in a focused search feed.
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
