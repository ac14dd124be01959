using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitro.Diagnostics;
using Monitro.Storage.Sqlite;
using Monitro.Testing;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>
/// A second run on the SQLite file of a first one restores the relationships from the stored snapshots and the file's
/// interaction totals, reading no interaction at start, and answers as the first run did once the person is loaded.
/// </summary>
public sealed class SqliteRelationshipStartTests : IDisposable
{
    private const string Own = "acme@mastodon.social";
    private const string Jane = "jane@example.social";
    private static readonly string JaneId = Author.CreateIdentityKey("mastodon", Jane);
    private static readonly DateTimeOffset Now = TestPosts.Epoch.AddMinutes(55);
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task RunAsync_FileOfAnEarlierRun_ReadsNoInteractionAtStartAndAnswersAsTheFirstRun()
    {
        var database = _folder.File("monitro.db");
        var complaint = From("c1", "@acme your app lost my data again, this is terrible", 0);
        var reply = TestPosts.Create("a1", "@jane so sorry, we restored your data from last night's backup", handle: Own, createdAt: TestPosts.Epoch.AddMinutes(30), replyToId: complaint.Id);
        Post[] conversation =
        [
            complaint,
            reply,
            From("t1", "@acme thank you so much, everything is back. Great support!", 45, reply.Id),
            From("q1", "@acme does the export work with CSV files?", 50),
        ];

        string before;
        await using (var first = Build(database, "first", conversation, meters: null))
        {
            var monitor = first.GetRequiredService<MentionMonitor>();
            await monitor.RunAsync();
            before = JsonSerializer.Serialize(monitor.Relationships.GetRelationship(JaneId, Now));
        }

        var meterFactory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        await using var second = Build(database, "second", [], meterFactory);
        using var restored = new MetricCollector<long>(meterFactory, MonitroDiagnostics.MeterName, "monitro.relationships.restored");
        var restarted = second.GetRequiredService<MentionMonitor>();

        await restarted.RunAsync();

        Assert.Contains("\"Inbound\":3", before, StringComparison.Ordinal);
        Assert.Equal(0, restored.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(before, JsonSerializer.Serialize(restarted.Relationships.GetRelationship(JaneId, Now)));
    }

    public void Dispose() => _folder.Dispose();

    private static Post From(string id, string text, double minutes, string? replyTo = null) =>
        TestPosts.Create(id, text, handle: Jane, createdAt: TestPosts.Epoch.AddMinutes(minutes), replyToId: replyTo, mentions: [Own]);

    private static ServiceProvider Build(string database, string sourceName, IReadOnlyList<Post> posts, System.Diagnostics.Metrics.IMeterFactory? meters)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        if (meters is not null)
        {
            services.AddSingleton(meters);
        }

        services.AddMonitro()
            .AddWatch("acme", WatchCategory.Brand, "acme")
            .AddOwnAccount("mastodon", Own)
            .AddSource(new InMemorySource(sourceName, posts, batchSize: 1))
            .UseSqlite(database);
        return services.BuildServiceProvider();
    }
}
