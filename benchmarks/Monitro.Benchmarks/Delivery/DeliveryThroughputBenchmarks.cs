using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Alerting.Delivery;
using Monitro.Alerting.Outbox;
using Monitro.Benchmarks.Pipeline;
using Monitro.Diagnostics;
using Monitro.Pipeline;
using Monitro.Storage.Sqlite;

namespace Monitro.Benchmarks.Delivery;

/// <summary>
/// Alerts delivered per second by the real <see cref="AlertDispatcher"/>: each operation drains
/// <see cref="AlertsPerOperation"/> alerts, committed to the outbox before it (in the iteration setup, not measured),
/// to an in-process sink that does nothing, from the in-memory store and from a SQLite file (durable against power
/// loss). The baseline of each store, in the same run, is the same outbox with its batch settlement hidden
/// (<see cref="SingleKeySettlementOutbox"/>), so the dispatcher marks each alert delivered with its own write.
/// Alerts per second = <c>1 / mean</c> (the mean is per alert).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases the stores in [GlobalCleanup].")]
public class DeliveryThroughputBenchmarks
{
    /// <summary>The alerts each operation delivers: four claims of the dispatcher's 64.</summary>
    public const int AlertsPerOperation = 256;

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Watch Watch = new() { Name = "acme", Query = "acme" };

    private readonly MonitroMetrics _metrics = new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
    private string _folder = string.Empty;
    private InMemoryMonitroStore _memory = null!;
    private SqliteMonitroStore _sqlite = null!;
    private string[] _keys = [];
    private long _nextAlert;

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

    private void Fill(IMonitroStore store)
    {
        var alerts = new Alert[AlertsPerOperation];
        for (var i = 0; i < alerts.Length; i++)
        {
            alerts[i] = Alert.ForMention(new Mention { Post = CreatePost(_nextAlert++), Watch = Watch }, Start);
        }

        store.CommitAsync(new BatchCommit { SourceName = "bench", Alerts = alerts }).AsTask().GetAwaiter().GetResult();
        _keys = Array.ConvertAll(alerts, alert => alert.IdempotencyKey);
    }

    private async Task DeliverAllAsync(IMonitroStore store, IAlertOutbox outbox)
    {
        var inFlight = new InFlightAlerts(AlertsPerOperation);
        inFlight.Add(_keys);
        inFlight.Committed(_keys);
        var services = new PipelineServices(
            [], new MentionMatcher(), store, outbox, [new DiscardingSink()], new NoRelationships(), null, null,
            new MonitroOptions(), TimeProvider.System, _metrics, NullLogger.Instance);
        await new AlertDispatcher(services, inFlight).RunAsync(() => true, CancellationToken.None).ConfigureAwait(false);
        if (inFlight.Count != 0)
        {
            throw new InvalidOperationException($"{inFlight.Count} alerts were left undelivered.");
        }
    }

    private static Post CreatePost(long n) => new()
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"bench:{n}"),
        Source = "bench",
        Author = new Author { Platform = "mastodon", Handle = string.Create(CultureInfo.InvariantCulture, $"user{n % 2000}@example.social") },
        Text = string.Create(CultureInfo.InvariantCulture, $"Has anyone switched from globex to acme corp? Post {n} asks for advice."),
        CreatedAt = Start.AddSeconds(n),
        Language = "en",
    };

    private sealed class NoRelationships : IRelationshipScorer
    {
        public void Record(Interaction interaction, Author person)
        {
        }

        public RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf) => null;

        public IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf) => [];
    }
}
