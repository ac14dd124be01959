using System.Diagnostics;
using Monitro.Storage.Testing.Crash;
using Monitro.Storage.Testing.Delivery;
using Xunit.Abstractions;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>
/// Two dispatcher processes on one outbox: the crash harness in dispatch mode, started twice, each running Monitro's
/// own alert dispatcher (leases, <c>FOR UPDATE SKIP LOCKED</c> claims) with its own connections, drain a PostgreSQL
/// outbox of a few thousand alerts into one webhook receiver while the batches that raised them are committed again.
/// Every idempotency key must arrive exactly once, both processes must deliver a share, and the outbox must end settled.
/// </summary>
public sealed class TwoDispatcherProcessTests(ITestOutputHelper output) : SchemaPerTest
{
    private const string Secret = "two-dispatchers-secret-two-dispatchers-0";
    private const int Batches = 30;
    private const int AlertsPerBatch = 100;
    private static readonly string[] Dispatchers = ["first", "second"];

    // A healthy run takes seconds; this only stops a hung one.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    // A slow-ish receiver: delivery, not process start, sets the pace, so both processes keep working side by side.
    private static readonly TimeSpan ReceiverDelay = TimeSpan.FromMilliseconds(2);

    // Between two replayed batches, so the replay keeps going all along without taking the machine from the dispatchers.
    private static readonly TimeSpan ReplayPause = TimeSpan.FromMilliseconds(50);

    [PostgresFact]
    [Trait("Category", "Processes")]
    public async Task TwoDispatcherProcesses_OneOutbox_DeliverEveryAlertExactlyOncePerKey()
    {
        var pipeline = Schema.CreateStore(TimeProvider.System);
        await pipeline.MigrateAsync();
        var batches = Enumerable.Range(0, Batches)
            .Select(b => M.Batch($"{b}", [.. Enumerable.Range(0, AlertsPerBatch).Select(i => M.Post($"b{b}-{i}", $"user{i}", minute: b))]))
            .ToList();
        var expected = batches.SelectMany(b => b.Alerts).Select(a => a.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            await pipeline.CommitAsync(batch);
        }

        Assert.Equal(expected.Count, await Schema.ScalarAsync("SELECT count(*) FROM alert_outbox;"));

        await using var receiver = await CountingWebhookReceiver.StartAsync(Secret);
        receiver.SendersToWaitFor = Dispatchers.Length; // no process finishes its first delivery before the other begins
        receiver.ResponseDelay = ReceiverDelay;
        var clock = Stopwatch.StartNew();
        var children = new List<CrashHarnessProcess>();
        int replays;
        try
        {
            var database = $"postgresql:{Schema.Name}:{Schema.ConnectionString}";
            children.AddRange(Dispatchers.Select(name => CrashHarnessProcess.StartDispatcher(database, receiver.EndpointFor(name), Secret)));

            // Meanwhile the pipeline commits the same batches again (a replay): no key may be enqueued a second time,
            // whether it is waiting, leased to one of the processes, or already delivered.
            using var stopReplaying = new CancellationTokenSource();
            var replaying = ReplayUntilStoppedAsync(Schema.CreateStore(TimeProvider.System), batches, stopReplaying.Token);
            await WaitForExitAsync(children, Deadline);
            await stopReplaying.CancelAsync();
            replays = await replaying;
        }
        finally
        {
            // Kills any child still running (a failed or timed-out run), so the test never leaves a process behind.
            children.ForEach(child => child.Dispose());
        }

        clock.Stop();

        // Once everything is settled, a last replay of every batch must leave the outbox empty.
        foreach (var batch in batches)
        {
            await pipeline.CommitAsync(batch);
        }

        Assert.Equal(0, receiver.Rejected);
        Assert.True(expected.SetEquals(receiver.Deliveries.Keys), "the receiver did not get every alert, or got others");
        var repeated = receiver.Deliveries.Where(delivery => delivery.Value != 1).Select(delivery => $"{delivery.Key} x{delivery.Value}").ToList();
        Assert.True(repeated.Count == 0, "delivered more than once: " + string.Join(", ", repeated.Take(10)));
        Assert.Equal(Dispatchers.Order(StringComparer.Ordinal), receiver.DeliveriesBySender.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, receiver.DeliveriesBySender.Values.Sum());
        Assert.All(receiver.DeliveriesBySender, share => Assert.True(
            share.Value >= expected.Count / 20,
            $"the {share.Key} process delivered only {share.Value} of {expected.Count} alerts; the two did not really share the outbox"));
        Assert.Equal(0, await Schema.ScalarAsync("SELECT count(*) FROM alert_outbox;"));
        Assert.Equal(expected.Count, await Schema.ScalarAsync("SELECT count(*) FROM settled_alerts WHERE outcome = 'delivered';"));
        Assert.Equal(0, await Schema.ScalarAsync("SELECT count(*) FROM dead_letters WHERE kind = 'alert';"));
        output.WriteLine(
            $"{expected.Count} alerts in {clock.Elapsed.TotalSeconds:F1} s: " +
            string.Join(", ", receiver.DeliveriesBySender.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}")) +
            $"; {replays} batches committed again meanwhile");
    }

    // Commits the batches over and over until stopped; returns how many commits it made.
    private static async Task<int> ReplayUntilStoppedAsync(PostgreSqlMonitroStore store, IReadOnlyList<BatchCommit> batches, CancellationToken stop)
    {
        var commits = 0;
        try
        {
            while (true)
            {
                foreach (var batch in batches)
                {
                    await store.CommitAsync(batch, stop);
                    commits++;
                    await Task.Delay(ReplayPause, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return commits;
        }
    }

    // Waits for every child to exit by itself, failing as soon as one exits with an error or the deadline passes.
    private static async Task WaitForExitAsync(IReadOnlyList<CrashHarnessProcess> children, TimeSpan deadline)
    {
        var waiting = children.ToDictionary(child => child.WaitForExitAsync(deadline));
        while (waiting.Count > 0)
        {
            var exited = await Task.WhenAny(waiting.Keys);
            var child = waiting[exited];
            waiting.Remove(exited);
            Assert.True(await exited, "a dispatcher process did not finish in time: " + child.Errors);
            Assert.True(child.ExitCode == 0, $"a dispatcher process failed with exit code {child.ExitCode}: {child.Errors}");
        }
    }
}
