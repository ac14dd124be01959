using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitro.Storage.Testing.Delivery;
using Xunit.Abstractions;

namespace Monitro.Storage.Testing.Crash;

/// <summary>
/// Ingests a large replay in a child process (the crash harness) into the store under test, kills it with SIGKILL
/// at random moments, restarts it, and checks that every mention is stored once, every alert reached the webhook
/// once per idempotency key, and the checkpoint matches the data.
/// </summary>
public abstract class CrashRecoveryContractTests(ITestOutputHelper output) : IDisposable
{
    private const int PostCount = 100_000;
    private const int SharedPostCount = 5_000;
    private static readonly TimeSpan SharedRunLimit = TimeSpan.FromMinutes(3);
    private const int MentionEvery = 10;
    private const int Kills = 5;
    private const string Secret = "crash-test-secret-crash-test-secret-0123";

    // Each restart moves the child's clock past the 5-minute leases of the killed run, as if that much time had passed.
    private static readonly TimeSpan ClockStepPerRun = TimeSpan.FromMinutes(6);

    /// <summary>Gets a fresh folder for the replay file, deleted at the end.</summary>
    protected string Folder { get; } = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "monitro-crash-tests", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Gets the database argument of the crash harness for the store under test.</summary>
    protected abstract string HarnessDatabase { get; }

    /// <summary>Runs a query that returns one number; <see langword="null"/> when the schema does not exist yet.</summary>
    protected abstract Task<long?> ScalarAsync(string sql);

    /// <summary>Reads the ids of every stored mention.</summary>
    protected abstract Task<IReadOnlyList<string>> MentionIdsAsync();

    public virtual void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a failed run; the temp folder is cleaned by the system later
        }

        GC.SuppressFinalize(this);
    }

    [ContractFact]
    [Trait("Category", "Crash")]
    public async Task Pipeline_KilledAtRandomMomentsAndRestarted_StoresAndDeliversEveryMentionExactlyOnce()
    {
        var input = Path.Combine(Folder, "replay.jsonl");
        var (expectedMentions, lines) = WriteReplay(input, PostCount);
        await using var receiver = await CountingWebhookReceiver.StartAsync(Secret);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");

        var kills = 0;
        var run = 0;
        while (kills < Kills)
        {
            Assert.True(run < 40, "the child kept finishing before it could be killed");
            receiver.ClockOffset = ClockStepPerRun * run;
            var checkpointBefore = await CheckpointAsync();
            using var child = CrashHarnessProcess.Start(HarnessDatabase, input, receiver.Endpoint, Secret, receiver.ClockOffset);

            // Kill at a random moment after the run made progress (a commit), so kills land mid-ingest and
            // mid-delivery rather than during the start of the process; once the replay is done, anywhere.
            if (checkpointBefore != lines)
            {
                await WaitUntilAsync(async () => await CheckpointAsync() != checkpointBefore || child.HasExited, TimeSpan.FromSeconds(60));
            }

            await Task.Delay(random.Next(0, 2000));
            if (child.HasExited)
            {
                Assert.True(child.ExitCode == 0, child.Errors);
            }
            else
            {
                await child.KillAsync();
                kills++;
                output.WriteLine($"run {run}: killed at checkpoint {await CheckpointAsync()}, {await ScalarAsync("SELECT count(*) FROM mentions;")} mentions stored, {receiver.Deliveries.Count} alerts received");
            }

            run++;
        }

        receiver.ClockOffset = ClockStepPerRun * run;
        using (var last = CrashHarnessProcess.Start(HarnessDatabase, input, receiver.Endpoint, Secret, receiver.ClockOffset))
        {
            Assert.True(await last.WaitForExitAsync(TimeSpan.FromSeconds(120)), "the last run did not finish in time");
            Assert.True(last.ExitCode == 0, last.Errors);
        }

        var stored = await MentionIdsAsync();
        Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expectedMentions.Count, stored.Count);
        Assert.True(expectedMentions.SetEquals(stored), "the stored mentions differ from the expected ones");
        Assert.Equal(expectedMentions.Count, await ScalarAsync("SELECT count(DISTINCT post_id) FROM mentions;"));
        Assert.Equal(lines, await CheckpointAsync());
        Assert.Equal(3, await ScalarAsync("SELECT count(*) FROM dead_letters WHERE kind = 'source-item';"));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM alert_outbox;"));
        // Each inbox item's creation is an alert too (item.created, for CRM event sinks), settled beside the mentions'.
        var items = await ScalarAsync("SELECT count(*) FROM inbox_items;") ?? 0;
        Assert.Equal(expectedMentions.Count + items, await ScalarAsync("SELECT count(*) FROM settled_alerts WHERE outcome = 'delivered';"));
        Assert.Equal(0, receiver.Rejected);
        Assert.True(expectedMentions.SetEquals(receiver.Deliveries.Keys), "the receiver did not get every alert, or got others");
        var repeats = receiver.Deliveries.Values.Sum() - receiver.Deliveries.Count;
        output.WriteLine($"{run + 1} runs, {kills} kills, {receiver.Deliveries.Count} alerts, {repeats} delivered again after a crash (same key)");
    }

    [ContractFact]
    [Trait("Category", "Crash")]
    public Task TwoIngesters_OnOneStore_BothFinishAndEveryAlertIsDeliveredOnce() => TwoProcessesAsync(withDispatcher: false);

    [ContractFact]
    [Trait("Category", "Crash")]
    public Task IngesterAndDispatcher_OnOneStore_BothFinishAndEveryAlertIsDeliveredOnce() => TwoProcessesAsync(withDispatcher: true);

    // Two real processes share the store: each may deliver the other's alerts, and each must still end by itself.
    private async Task TwoProcessesAsync(bool withDispatcher)
    {
        var input = Path.Combine(Folder, "replay.jsonl");
        var (expectedMentions, _) = WriteReplay(input, SharedPostCount);
        await using var receiver = await CountingWebhookReceiver.StartAsync(Secret);

        // A slow receiver keeps alerts in flight long enough for the other process to claim some of them.
        receiver.ResponseDelay = TimeSpan.FromMilliseconds(5);
        using var first = CrashHarnessProcess.Start(HarnessDatabase, input, receiver.Endpoint, Secret, TimeSpan.Zero);
        using var second = withDispatcher
            ? CrashHarnessProcess.StartDispatcher(HarnessDatabase, receiver.Endpoint, Secret)
            : CrashHarnessProcess.Start(HarnessDatabase, input, receiver.Endpoint, Secret, TimeSpan.Zero);

        Assert.True(await first.WaitForExitAsync(SharedRunLimit), "the first process did not finish: " + first.Errors);
        Assert.True(await second.WaitForExitAsync(SharedRunLimit), "the second process did not finish: " + second.Errors);
        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.True(second.ExitCode == 0, second.Errors);

        var stored = await MentionIdsAsync();
        Assert.Equal(expectedMentions.Count, stored.Count);
        Assert.True(expectedMentions.SetEquals(stored), "the stored mentions differ from the expected ones");
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM alert_outbox;"));
        Assert.True(expectedMentions.SetEquals(receiver.Deliveries.Keys), "the receiver did not get every alert, or got others");
        Assert.All(receiver.Deliveries, delivery => Assert.Equal(1, delivery.Value));
        output.WriteLine($"{receiver.Deliveries.Count} alerts delivered once each by two processes");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, "the child made no progress in time");
            await Task.Delay(25);
        }
    }

    private Task<long?> CheckpointAsync() =>
        ScalarAsync("SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM checkpoints WHERE source_name = 'replay'), -1);");

    // Every tenth post mentions acme; three malformed lines become dead letters.
    private static (HashSet<string> Mentions, long Lines) WriteReplay(string path, int postCount)
    {
        var mentions = new HashSet<string>(StringComparer.Ordinal);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        long lines = 0;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < postCount; i++)
        {
            var matches = i % MentionEvery == 0;
            var post = new Post
            {
                Id = Post.CreateId("replay", i.ToString(CultureInfo.InvariantCulture)),
                Source = "replay",
                Author = new Author { Platform = "mastodon", Handle = $"user{i % 5000}@example.social" },
                Text = matches ? $"Has anyone tried acme for invoicing? number {i}" : $"Lovely weather in town today, number {i}",
                CreatedAt = start.AddSeconds(i),
                Language = "en",
            };
            writer.WriteLine(JsonSerializer.Serialize(post, MonitroJsonContext.Default.Post));
            lines++;
            if (matches)
            {
                mentions.Add(Mention.CreateId("acme", post.Id));
            }

            if (i is 10_001 or 50_001 or 90_001)
            {
                writer.WriteLine("{\"id\": \"broken");
                lines++;
            }
        }

        return (mentions, lines);
    }
}
