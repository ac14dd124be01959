using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Monitro.Storage.Sqlite;

namespace Monitro.Benchmarks.Storage;

/// <summary>
/// The insight queries of the SQLite store over <see cref="MentionCount"/> stored mentions (one per post, spread over
/// a day per thousand), each against the baseline: a plain <c>COUNT(*)</c> of the same rows in the same run.
/// </summary>
/// <remarks>
/// The row count comes from the environment variable <c>MONITRO_INSIGHTS_ROWS</c> (default 20,000, so the smoke run
/// stays quick); the published figures use 1,000,000. Rows are written through the store for the first thousand
/// posts, then copied in SQL with shifted ids and times, so every payload has the store's own shape. The benchmarks
/// run in this process (<see cref="SeedOnceConfig"/>), so the database is written once for them all.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(SeedOnceConfig))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases the store in [GlobalCleanup].")]
public class InsightsQueryBenchmarks
{
    private const int SeedPosts = 1_000;
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly Watch[] Watches =
    [
        new() { Name = "acme", Category = WatchCategory.Brand, Query = "acme" },
        new() { Name = "acme-phone", Category = WatchCategory.Brand, Query = "phone" },
        new() { Name = "globex", Category = WatchCategory.Competitor, Query = "globex" },
        new() { Name = "initech", Category = WatchCategory.Competitor, Query = "initech" },
    ];

    // Every benchmark of a run reads the same seeded file (queries never write), deleted when the process ends.
    private static readonly Lock SeedGate = new();
    private static readonly Dictionary<int, string> Seeded = [];
    private static string? _folder;

    private string _path = string.Empty;
    private SqliteMonitroStore _store = null!;
    private SqliteConnection _connection = null!;
    private InsightPeriod _all;

    /// <summary>Gets the row counts to run: the value of <c>MONITRO_INSIGHTS_ROWS</c>, or 20,000.</summary>
    public static IEnumerable<int> RowCounts =>
        [int.TryParse(Environment.GetEnvironmentVariable("MONITRO_INSIGHTS_ROWS"), out var rows) && rows >= SeedPosts ? rows : 20_000];

    /// <summary>Gets or sets the number of stored mentions.</summary>
    [ParamsSource(nameof(RowCounts))]
    public int MentionCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        lock (SeedGate)
        {
            if (_folder is null)
            {
                var folder = Path.Combine(Path.GetTempPath(), "monitro-bench-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(folder);
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                };
                _folder = folder;
            }

            var seeded = Seeded.TryGetValue(MentionCount, out var path);
            _path = seeded ? path! : Path.Combine(_folder, $"insights-{MentionCount}.db");
            _store = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = _path, DurableAgainstPowerLoss = false });
            if (!seeded)
            {
                SeedAsync().GetAwaiter().GetResult();
                Seeded[MentionCount] = _path;
            }
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        _connection.Open();
        _all = new InsightPeriod(Epoch, Epoch.AddDays(MentionCount / SeedPosts));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        _store.Dispose();
    }

    [Benchmark(Baseline = true)]
    public long CountAll()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM mentions WHERE created_at >= $from AND created_at < $until;";
        command.Parameters.AddWithValue("$from", _all.From.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$until", _all.Until.ToUnixTimeMilliseconds());
        return (long)command.ExecuteScalar()!;
    }

    [Benchmark]
    public Task<IReadOnlyList<VolumeBucket>> VolumeByWatchPerDay() =>
        _store.GetVolumeAsync(new VolumeQuery { Period = _all, GroupBy = InsightGrouping.Watch, TimeZone = Berlin }).AsTask();

    [Benchmark]
    public Task<IReadOnlyList<VolumeBucket>> VolumePerWeek() =>
        _store.GetVolumeAsync(new VolumeQuery { Period = _all, Granularity = InsightGranularity.Week, TimeZone = Berlin }).AsTask();

    [Benchmark]
    public Task<IReadOnlyList<VolumeBucket>> VolumeBySourcePerWeek() =>
        _store.GetVolumeAsync(new VolumeQuery { Period = _all, Granularity = InsightGranularity.Week, GroupBy = InsightGrouping.Source }).AsTask();

    [Benchmark]
    public Task<IReadOnlyList<VoiceShare>> ShareOfVoice() => _store.GetShareOfVoiceAsync(_all).AsTask();

    [Benchmark]
    public Task<IReadOnlyList<TopPerson>> TopPeople() => _store.GetTopPeopleAsync(_all, 10).AsTask();

    [Benchmark]
    public Task<IReadOnlyList<OpenItem>> OpenItems() => _store.GetOpenItemsAsync(_all.From, 100).AsTask();

    private async Task SeedAsync()
    {
        var words = new[] { "acme", "phone", "globex", "initech" };
        var sources = new[] { "mastodon", "bluesky", "rss" };
        var labels = new[] { SentimentLabel.Positive, SentimentLabel.Neutral, SentimentLabel.Negative };
        var posts = new List<Post>(SeedPosts);
        var mentions = new List<Mention>(SeedPosts);
        var interactions = new List<Interaction>(SeedPosts);
        for (var i = 0; i < SeedPosts; i++)
        {
            var source = sources[i % sources.Length];
            var post = new Post
            {
                Id = Post.CreateId(source, i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Source = source,
                Author = new Author { Platform = source, Handle = "user" + (i % 300) },
                Text = "news about " + words[i % words.Length],
                CreatedAt = Epoch.AddSeconds(i * 86.4),
            };
            var label = labels[i % labels.Length];
            posts.Add(post);
            mentions.Add(new Mention
            {
                Post = post,
                Watch = Watches[i % Watches.Length],
                Spans = [new MatchSpan(11, post.Text.Length - 11)],
                Signals = new MentionSignals { Sentiment = new SentimentScore(label == SentimentLabel.Negative ? -0.5 : label == SentimentLabel.Positive ? 0.5 : 0, label, 0.8), NeedsResponse = i % 7 == 0 },
            });
            interactions.Add(new Interaction
            {
                Id = Interaction.CreateId(post.Id, post.Author.IdentityKey),
                PersonId = post.Author.IdentityKey,
                PostId = post.Id,
                Kind = InteractionKind.Mention,
                Direction = InteractionDirection.Inbound,
                OccurredAt = post.CreatedAt,
                NeedsResponse = i % 7 == 0,
            });
        }

        await _store.CommitAsync(new BatchCommit { SourceName = "seed", Posts = posts, Mentions = mentions, Interactions = interactions });
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var copy = connection.CreateCommand();
        copy.Transaction = transaction;

        // Copies k = 1.. of the seed, each a day later, with ids of their own (the row count rounds down to whole thousands); posts stay shared (the source join reads them).
        copy.CommandText = """
            WITH RECURSIVE k (n) AS (SELECT 1 WHERE $copies >= 1 UNION ALL SELECT n + 1 FROM k WHERE n < $copies)
            INSERT INTO mentions (id, watch_name, post_id, person_id, created_at, category, sentiment_label, sentiment, payload)
            SELECT m.id || '#' || k.n, m.watch_name, m.post_id, m.person_id, m.created_at + k.n * 86400000, m.category, m.sentiment_label, m.sentiment, m.payload
            FROM mentions m, k WHERE m.id NOT LIKE '%#%';
            WITH RECURSIVE k (n) AS (SELECT 1 WHERE $copies >= 1 UNION ALL SELECT n + 1 FROM k WHERE n < $copies)
            INSERT INTO interactions (id, person_id, post_id, direction, occurred_at, payload)
            SELECT i.id || '#' || k.n, i.person_id, i.post_id, i.direction, i.occurred_at + k.n * 86400000, i.payload
            FROM interactions i, k WHERE i.id NOT LIKE '%#%';
            """;
        copy.Parameters.AddWithValue("$copies", (MentionCount / SeedPosts) - 1);
        copy.ExecuteNonQuery();
        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        analyze.ExecuteNonQuery();
    }

    /// <summary>
    /// Runs every job of this class in this process, with a timeout long enough for the first benchmark's setup: the
    /// default in-process timeout (five minutes) cuts the writing of a million rows on a loaded machine, and a
    /// process per benchmark would write them once per benchmark.
    /// </summary>
    public sealed class SeedOnceConfig : ManualConfig
    {
        /// <summary>Initializes a new instance of the <see cref="SeedOnceConfig"/> class.</summary>
        public SeedOnceConfig() => AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true)).AsMutator());
    }
}
