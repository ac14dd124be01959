using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitro.Testing;

namespace Monitro.Storage.Sqlite.Tests.Relationships;

/// <summary>Relationships survive a restart: a fresh pipeline on the same SQLite file replays the stored interactions.</summary>
public sealed class SqliteRelationshipRestoreTests : IDisposable
{
    private const string OwnHandle = "acme@mastodon.social";
    private const string Jane = "jane@example.social";
    private static readonly string JaneId = Author.CreateIdentityKey("mastodon", Jane);
    private readonly TestDatabase _database = new();
    private int _runs;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Restart_NoNewPosts_RestoresRolesScoresAndTheOpenQuestion()
    {
        var complaint = From("c1", "@acme your app lost my data again, this is terrible", 0);
        var answer = Answer("a1", "@jane so sorry, we restored your data from last night's backup", 30, complaint);
        var thanks = From("t1", "@acme thank you so much, everything is back. Great support!", 45, replyTo: answer.Id);
        var question = From("q1", "@acme does the export work with CSV files?", 50);
        var now = TestPosts.Epoch.AddMinutes(55);

        var before = await RunAsync(now, [complaint, answer, thanks, question], new RecordingSink(), provider =>
            provider.GetRequiredService<MentionMonitor>().Relationships.GetRelationship(JaneId, now));
        var after = await RunAsync(now, [], new RecordingSink(), provider =>
            provider.GetRequiredService<MentionMonitor>().Relationships.GetRelationship(JaneId, now));

        Assert.NotNull(before);
        Assert.Equal((3, 1), (before.Inbound, before.Outbound));
        Assert.True(before.OpenItems > 0, "the question waits for an answer");
        Assert.Contains(before.Roles, role => role.Role == RelationshipRole.RecoveredDetractor);
        Assert.NotNull(after);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
    }

    [Fact]
    public async Task Restart_FreshProviderBeforeItsFirstRun_KnowsNobody()
    {
        var now = TestPosts.Epoch.AddMinutes(5);
        await RunAsync(now, [From("c1", "@acme the export is not working", 0)], new RecordingSink(), _ => 0);

        var unknown = await WithProviderAsync(now, [], new RecordingSink(), provider =>
            Task.FromResult(provider.GetRequiredService<MentionMonitor>().Relationships.GetRelationship(JaneId, now)));

        Assert.Null(unknown); // so the restored relationships of the other tests come from the replay
    }

    [Fact]
    public async Task Restart_AlertsDeliveredBeforeIt_AreNotDeliveredAgain()
    {
        // Two complaints (in two batches, which the pipeline may commit as one when the second already waits): the
        // new-detractor alert was raised for one of them, both answers went overdue.
        var first = From("c1", "@acme I was charged twice this month, fix this", 0);
        var second = From("c2", "@acme your app lost my data again, this is terrible", 5);
        var now = TestPosts.Epoch.AddMinutes(90);
        var beforeRestart = new RecordingSink();
        await RunAsync(now, [first, second], beforeRestart, _ => 0);
        var delivered = beforeRestart.Alerts.Where(alert => alert.Transition?.PersonId == JaneId).ToList();
        string[] triggers = [Interaction.CreateId(first.Id, JaneId), Interaction.CreateId(second.Id, JaneId)];
        Assert.Single(delivered, alert => alert.Kind == AlertKinds.RelationshipNewDetractor && triggers.Contains(alert.Transition!.TriggerId));
        Assert.Equal(2, delivered.Count(alert => alert.Kind == AlertKinds.RelationshipResponseOverdue));

        // After the restart a post from someone else makes the pipeline evaluate again: Jane's overdue answers are
        // raised again (their wake-ups come after her last interaction) with the keys already settled.
        var afterRestart = new RecordingSink();
        var other = TestPosts.Create("o1", "acme is a fine tool", handle: "omar@example.social", createdAt: now);
        await RunAsync(now.AddMinutes(1), [other], afterRestart, _ => 0);

        Assert.Contains(afterRestart.Alerts, alert => alert.Mention?.Post.Id == other.Id);
        Assert.DoesNotContain(afterRestart.Alerts, alert => alert.Transition?.PersonId == JaneId || alert.Mention?.Post.Author.IdentityKey == JaneId);
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM alert_outbox;"));
    }

    [Fact]
    public async Task Restart_RaisesNoDeliveredTransitionAgainExceptWithItsSettledKey()
    {
        var complaint = From("c1", "@acme I was charged twice this month, fix this", 0);
        var now = TestPosts.Epoch.AddMinutes(90);
        var beforeRestart = new RecordingSink();
        await RunAsync(now, [complaint], beforeRestart, _ => 0);
        var deliveredKeys = beforeRestart.Alerts.Select(alert => alert.IdempotencyKey).ToHashSet(StringComparer.Ordinal);

        var raised = await RunAsync(now.AddMinutes(1), [], new RecordingSink(), provider =>
            provider.GetRequiredService<MentionMonitor>().Relationships.Advance(now.AddMinutes(1)));
        var store = _database.CreateStore();
        await store.CommitAsync(new BatchCommit { SourceName = "monitro.relationships", Alerts = [.. raised.Select(t => Alert.ForTransition(t, now))] });

        // The overdue answer was delivered before the restart. The person's stored snapshot remembers that it was
        // reported, so the restart raises it no more; a person replayed in full (no usable snapshot) raises it again
        // with the key already settled. Either way nothing new reaches the outbox.
        Assert.Contains(beforeRestart.Alerts, alert => alert.Kind == AlertKinds.RelationshipResponseOverdue && alert.Transition!.PersonId == JaneId);
        Assert.All(raised, transition => Assert.Contains(transition.Key, deliveredKeys));
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM alert_outbox;"));
    }

    private static Post From(string id, string text, double minutes, string? replyTo = null) =>
        TestPosts.Create(id, text, handle: Jane, createdAt: TestPosts.Epoch.AddMinutes(minutes), replyToId: replyTo, mentions: [OwnHandle]);

    private static Post Answer(string id, string text, double minutes, Post to) =>
        TestPosts.Create(id, text, handle: OwnHandle, createdAt: TestPosts.Epoch.AddMinutes(minutes), replyToId: to.Id);

    // One process lifetime: a provider on the SQLite file, a run until the posts are processed and their alerts delivered, then the look.
    private Task<T> RunAsync<T>(DateTimeOffset now, IReadOnlyList<Post> posts, RecordingSink sink, Func<ServiceProvider, T> look) =>
        WithProviderAsync(now, posts, sink, async provider =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await provider.GetRequiredService<MentionMonitor>().RunAsync(timeout.Token);
            return look(provider);
        });

    private async Task<T> WithProviderAsync<T>(DateTimeOffset now, IReadOnlyList<Post> posts, RecordingSink sink, Func<ServiceProvider, Task<T>> use)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        services.AddMonitro(options => options.RunInBackground = false)
            .AddWatch("acme", WatchCategory.Brand, "acme")
            .AddOwnAccount("mastodon", OwnHandle)
            .AddSource(new InMemorySource($"live-{++_runs}", posts, batchSize: 1)) // a source of its own per run, not resumed from a checkpoint
            .AddSink(sink)
            .UseSqlite(_database.FilePath);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return await use(provider);
    }
}
