using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Storage.Testing.Crash;
using Xunit.Abstractions;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// Approved replies in a SQLite file, published to a loopback Mastodon server by a child process (the crash harness)
/// that is killed with SIGKILL while it publishes and restarted: every reply must be posted exactly once.
/// </summary>
public sealed class MastodonReplyCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int ReplyCount = 40;
    private const int Kills = 5;
    private const string Account = "acme";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    // Each restart moves the child's clock past the 30-second leases of the killed run, as if that much time had passed.
    private static readonly TimeSpan ClockStepPerRun = TimeSpan.FromMinutes(1);

    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "monitro-reply-crash-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a failed run; the temp folder is cleaned by the system later
        }
    }

    [Fact]
    [Trait("Category", "Crash")]
    public async Task Publisher_KilledWhilePublishingAndRestarted_PostsEveryApprovedReplyExactlyOnce()
    {
        var clock = Stopwatch.StartNew();
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var delays = new Random(random.Next());
        await using var server = await FakeMastodonReplyServer.StartAsync();

        // Each answer comes a little after its status exists, so that random kills land between the two.
        server.AnswerDelay = () =>
        {
            lock (delays)
            {
                return TimeSpan.FromMilliseconds(delays.Next(0, 40));
            }
        };
        var database = Path.Combine(_folder, "monitro.db");
        await using var provider = BuildDesk(database, server);
        var desk = provider.GetRequiredService<ReplyDesk>();
        var expected = await CreateApprovedRepliesAsync(desk, server);

        var kills = 0;
        var run = 0;
        while (kills < Kills)
        {
            Assert.True(run < 20, "the child kept finishing before it could be killed");
            var createdBefore = server.Created.Count;

            // Every other kill lands exactly in the crash window: the status exists, its answer has not arrived.
            var inWindow = kills % 2 == 1;
            var held = inWindow ? server.HoldNextAnswer() : Task.CompletedTask;
            using var child = CrashHarnessProcess.StartReplyPublisher(database, server.BaseAddress, FakeMastodonReplyServer.Token, ClockStepPerRun * run);
            if (inWindow)
            {
                await WaitUntilAsync(() => held.IsCompleted || child.HasExited, clock);
            }
            else
            {
                await WaitUntilAsync(() => server.Created.Count > createdBefore || child.HasExited, clock);
                await Task.Delay(random.Next(0, 100));
            }

            if (child.HasExited)
            {
                Assert.True(child.ExitCode == 0, child.Errors);
            }
            else
            {
                await child.KillAsync();
                kills++;
                output.WriteLine($"run {run}: killed {(inWindow ? "with an answer held" : "at a random moment")}, {server.Created.Count} statuses created");
            }

            server.ReleaseAnswer();
            run++;
        }

        using (var last = CrashHarnessProcess.StartReplyPublisher(database, server.BaseAddress, FakeMastodonReplyServer.Token, ClockStepPerRun * run))
        {
            Assert.True(await last.WaitForExitAsync(Limit - clock.Elapsed), "the last run did not finish in time");
            Assert.True(last.ExitCode == 0, last.Errors);
        }

        // On the server: one status per reply, with its text, threaded under the post it answers.
        var created = server.Created.ToList();
        Assert.Equal(ReplyCount, created.Count);
        Assert.Equal(ReplyCount, created.Select(status => status["content"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count());
        var statusOf = created.ToDictionary(status => status["content"]!.GetValue<string>(), StringComparer.Ordinal);
        foreach (var (replyId, (text, remote)) in expected)
        {
            var status = statusOf[text];
            Assert.Equal(server.LocalIdOf(remote), status["in_reply_to_id"]!.GetValue<string>());

            // In the store: published, pointing at that status.
            var reply = await desk.GetAsync(replyId);
            Assert.Equal(ReplyState.Published, reply!.State);
            Assert.Equal("mastodon:" + status["uri"]!.GetValue<string>(), reply.PublishedPostId);
        }

        Assert.Empty(await desk.ListAsync(ReplyState.Queued));
        Assert.Empty(await desk.ListAsync(ReplyState.Dead));

        // Each kill with an answer held left a posted status unrecorded; its retry came back with the same key.
        Assert.True(server.RepeatedKeys >= Kills / 2, $"only {server.RepeatedKeys} posts repeated a key");
        var attempts = 0;
        foreach (var replyId in expected.Keys)
        {
            attempts += (await desk.GetAsync(replyId))!.Attempts;
        }

        output.WriteLine($"{run + 1} runs, {kills} kills, {ReplyCount} replies posted once each, {attempts} attempts, {server.RepeatedKeys} posts repeated an Idempotency-Key already seen, {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static ServiceProvider BuildDesk(string database, FakeMastodonReplyServer server)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMonitro()
            .UseSqlite(database)
            .AddReplies(options => options.ApprovalRequired.Add(Account))
            .AddMastodonReplies(Account, options =>
            {
                options.Instance = server.BaseAddress;
                options.AccessToken = FakeMastodonReplyServer.Token;
            });
        return services.BuildServiceProvider();
    }

    // Each reply answers its own remote status; each is created waiting for approval, then approved.
    private static async Task<Dictionary<string, (string Text, string Remote)>> CreateApprovedRepliesAsync(ReplyDesk desk, FakeMastodonReplyServer server)
    {
        var expected = new Dictionary<string, (string Text, string Remote)>(StringComparer.Ordinal);
        for (var i = 0; i < ReplyCount; i++)
        {
            var remote = $"https://other.example/users/user{i}/statuses/{i}";
            server.AddRemote(remote);
            var text = string.Create(CultureInfo.InvariantCulture, $"Sorry about that, we are on it (case {i}).");
            var reply = await desk.CreateAsync(new ReplyDraft { Account = Account, InReplyToPostId = "mastodon:" + remote, Text = text });
            Assert.Equal(ReplyState.AwaitingApproval, reply.State);
            await desk.ApproveAsync(reply.Id, "lead-1");
            expected.Add(reply.Id, (text, remote));
        }

        return expected;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Stopwatch clock)
    {
        while (!condition())
        {
            Assert.True(clock.Elapsed < Limit, "the child made no progress in time");
            await Task.Delay(5);
        }
    }
}
