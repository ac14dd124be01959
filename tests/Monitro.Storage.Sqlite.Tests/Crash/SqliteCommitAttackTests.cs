using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitro.Storage.Testing.Crash;
using Monitro.Storage.Testing.Delivery;
using Xunit.Abstractions;

namespace Monitro.Storage.Sqlite.Tests.Crash;

/// <summary>
/// Attacks the pipeline's commits into a SQLite file from outside a real child process (the crash harness): kills that
/// land while a batch's transaction is being written, and a disk that fills up during a commit. After each attack a
/// restart on the same file must end with every mention stored once, in the order of the posts, none after the
/// checkpoint and none missing before it, and every alert delivered.
/// </summary>
/// <remarks>
/// The test of random kills beside it (<see cref="SqliteCrashRecoveryTests"/>) kills at random moments of the run; here
/// the kills follow the write-ahead log: the moment it changes (a transaction is being written) the child is killed,
/// and the log left behind tells whether a transaction was cut (frames after its last commit frame). The full disk
/// is a limit on the size of any file the child writes (<c>ulimit -f</c>, with SIGXFSZ ignored, so a write past it
/// fails as on a full disk); a loop device or tmpfs needs root, and SQLite's <c>max_page_count</c> is a setting of
/// each connection that the store's writer connection does not take from outside.
/// </remarks>
public sealed class SqliteCommitAttackTests(ITestOutputHelper output) : IDisposable
{
    private const int PostCount = 30_000;
    private const int MentionEvery = 3;
    private const int WantedCutCommits = 3;
    private const int MaxRuns = 30;
    private const string Secret = "commit-attack-secret-commit-attack-0123";
    private static readonly TimeSpan ClockStepPerRun = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    [Trait("Category", "Crash")]
    public async Task Pipeline_KilledWhileATransactionIsWritten_RestartStoresEveryMentionOnceInPostOrder()
    {
        var input = Path.Combine(_database.Folder, "replay.jsonl");
        var expected = WriteReplay(input);
        await using var receiver = await CountingWebhookReceiver.StartAsync(Secret);
        var (runs, kills, cut) = (0, 0, 0);
        while (cut < WantedCutCommits && runs < MaxRuns && Checkpoint() < PostCount)
        {
            receiver.ClockOffset = ClockStepPerRun * runs;
            using var child = CrashHarnessProcess.Start(_database.FilePath, input, receiver.Endpoint, Secret, receiver.ClockOffset);
            runs++;

            // After the first commit (not in the schema's migration), skip a random number of the log's changes (0–39),
            // then kill at the next one: inside or right after a transaction's write.
            while (Checkpoint() == 0 && !child.HasExited)
            {
                await Task.Delay(25);
            }

            var changes = Random.Shared.Next(0, 40);
            var last = LogState();
            var killed = false;
            while (!child.HasExited)
            {
                var now = LogState();
                if (now != last && now.Length > 0 && changes-- <= 0)
                {
                    await child.KillAsync();
                    killed = true;
                    break;
                }

                last = now;
                await Task.Delay(1);
            }

            if (!killed)
            {
                Assert.True(child.ExitCode == 0, child.Errors);
                continue;
            }

            kills++;
            var uncommitted = WriteAheadLog.UncommittedFrames(_database.FilePath);
            cut += uncommitted > 0 ? 1 : 0;
            output.WriteLine($"run {runs}: killed at checkpoint {Checkpoint()}, {uncommitted} frames of an unfinished transaction in the log");
        }

        await FinishAsync(input, receiver, runs);
        AssertStoredOnceInOrder(expected, PostCount);
        Assert.True(expected.SetEquals(receiver.Deliveries.Keys), "the receiver did not get every alert, or got others");
        output.WriteLine($"{runs + 1} runs, {kills} kills, {cut} inside a transaction's write; {receiver.Deliveries.Count} alerts, {receiver.Deliveries.Values.Sum() - receiver.Deliveries.Count} delivered again after a kill");
        Assert.True(kills > 0, "no run was killed");
    }

    [Fact]
    [Trait("Category", "Crash")]
    public async Task Pipeline_DiskFillsUpDuringACommit_RunFailsWithNothingPastTheCheckpointAndARestartFinishes()
    {
        var input = Path.Combine(_database.Folder, "replay.jsonl");
        var expected = WriteReplay(input);
        await using var receiver = await CountingWebhookReceiver.StartAsync(Secret);

        // Room for the schema and some batches (a commit joins the batches waiting, a few thousand posts): the file fills up mid-run.
        using (var full = CrashHarnessProcess.StartWithFileSizeLimit(_database.FilePath, input, receiver.Endpoint, Secret, TimeSpan.Zero, fileSizeLimitKiB: 6_144))
        {
            Assert.True(await full.WaitForExitAsync(RunLimit), "the run on a full disk did not end");
            Assert.True(full.ExitCode != 0, "the run on a full disk succeeded: " + full.Errors);
            output.WriteLine($"on a full disk: exit code {full.ExitCode}, {FirstLine(full.Errors)}");
        }

        var checkpoint = Checkpoint();
        Assert.Equal("ok", IntegrityCheck());
        Assert.InRange(checkpoint, 1, PostCount - 1);
        var before = expected.Where(id => PostNumber(id) < checkpoint).ToHashSet(StringComparer.Ordinal);
        AssertStoredOnceInOrder(before, checkpoint);
        output.WriteLine($"checkpoint {checkpoint} of {PostCount}: {before.Count} mentions stored, none after it");

        // Room again: the restart goes on from the checkpoint and delivers what the failed run left in the outbox.
        await FinishAsync(input, receiver, runs: 1);
        AssertStoredOnceInOrder(expected, PostCount);
        Assert.True(expected.SetEquals(receiver.Deliveries.Keys), "the receiver did not get every alert, or got others");
    }

    private async Task FinishAsync(string input, CountingWebhookReceiver receiver, int runs)
    {
        receiver.ClockOffset = ClockStepPerRun * runs;
        using var last = CrashHarnessProcess.Start(_database.FilePath, input, receiver.Endpoint, Secret, receiver.ClockOffset);
        Assert.True(await last.WaitForExitAsync(RunLimit), "the last run did not finish in time");
        Assert.True(last.ExitCode == 0, last.Errors);
    }

    // Every expected mention once, no other, in the order of their posts, and the checkpoint where the data ends.
    private void AssertStoredOnceInOrder(HashSet<string> expected, long checkpoint)
    {
        var stored = new List<string>();
        using (var connection = _database.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id FROM mentions ORDER BY rowid;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
        Assert.True(expected.SetEquals(stored), $"{stored.Count} mentions stored, {expected.Count} expected; missing {string.Join(", ", expected.Except(stored).Take(5))}; extra {string.Join(", ", stored.Except(expected).Take(5))}");
        var numbers = stored.Select(PostNumber).ToList();
        Assert.True(numbers.SequenceEqual(numbers.Order()), "the mentions were not stored in the order of their posts");
        Assert.Equal(checkpoint, Checkpoint());
    }

    private long Checkpoint()
    {
        try
        {
            return File.Exists(_database.FilePath)
                ? _database.Scalar("SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM checkpoints WHERE source_name = 'replay'), 0);")
                : 0;
        }
        catch (SqliteException)
        {
            return 0; // the schema is not migrated yet
        }
    }

    private string IntegrityCheck()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
    }

    // The write-ahead log's size and time of last write: a change means a transaction is being written (or a checkpoint).
    private (long Length, DateTime Written) LogState()
    {
        var log = new FileInfo(_database.FilePath + "-wal");
        return log.Exists ? (log.Length, log.LastWriteTimeUtc) : (0, default);
    }

    // A mention id holds its post's id (replay:<number>).
    private static long PostNumber(string mentionId)
    {
        var at = mentionId.LastIndexOf("replay:", StringComparison.Ordinal) + "replay:".Length;
        var end = at;
        while (end < mentionId.Length && char.IsAsciiDigit(mentionId[end]))
        {
            end++;
        }

        return long.Parse(mentionId.AsSpan(at, end - at), CultureInfo.InvariantCulture);
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;

    // Every third post mentions acme, with a text long enough that a batch's transaction takes many pages.
    private static HashSet<string> WriteReplay(string path)
    {
        var mentions = new HashSet<string>(StringComparer.Ordinal);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < PostCount; i++)
        {
            var matches = i % MentionEvery == 0;
            var post = new Post
            {
                Id = Post.CreateId("replay", i.ToString(CultureInfo.InvariantCulture)),
                Source = "replay",
                Author = new Author { Platform = "mastodon", Handle = $"writer{i % 700}@example.social" },
                Text = (matches ? $"Our acme order {i} arrived" : $"Nothing to see in post {i}") + " — " + new string('·', i % 200),
                CreatedAt = start.AddSeconds(i),
                Language = "en",
            };
            writer.WriteLine(JsonSerializer.Serialize(post, MonitroJsonContext.Default.Post));
            if (matches)
            {
                mentions.Add(Mention.CreateId("acme", post.Id));
            }
        }

        return mentions;
    }
}
