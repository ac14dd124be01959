using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Storage.Testing.Crash;
using Xunit.Abstractions;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// Approved replies in a SQLite file, published to a platform's loopback fake by a child process (the crash harness)
/// that is killed with SIGKILL while it publishes, every other time exactly between the platform making the post and
/// its answer, and restarted until done: every reply must be posted exactly once and recorded published. The same
/// run against a fake without the platform's safeguard (the one the publisher relies on) must post some twice, which
/// shows the test can fail.
/// </summary>
public abstract class ReplyCrashTests : IAsyncLifetime
{
    protected const string Account = "acme";
    private const int Kills = 5;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    // Each restart moves the child's clock past the 30-second leases of the killed run, as if that much time had passed.
    private static readonly TimeSpan ClockStepPerRun = TimeSpan.FromMinutes(1);

    private readonly ITestOutputHelper _output;
    private FakeReplyServer? _server;
    private ServiceProvider? _provider;
    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "monitro-reply-crash-tests", Guid.NewGuid().ToString("N"))).FullName;

    protected ReplyCrashTests(ITestOutputHelper output) => _output = output;

    /// <summary>Gets how many replies a run publishes.</summary>
    protected virtual int ReplyCount => 40;

    /// <summary>Gets the arguments that name the platform's publisher to the crash harness.</summary>
    private protected abstract string[] PublisherArguments { get; }

    /// <summary>Gets how many times the platform's safeguard answered a retry of a post already made.</summary>
    private protected abstract int SafeguardCatches { get; }

    private FakeReplyServer Server => _server ?? throw new InvalidOperationException("The fake is not started.");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

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
        var (desk, expected) = await PublishWithKillsAsync(safeguard: true);

        // On the platform: one post per reply, with its text, threaded under the post it answers.
        var created = Server.Created.Select(Describe).ToList();
        Assert.Equal(ReplyCount, created.Count);
        var postOf = created.ToDictionary(post => post.Text, StringComparer.Ordinal);
        foreach (var (replyId, (text, answered)) in expected)
        {
            var post = postOf[text];
            Assert.Equal(ParentOf(answered), post.Parent);

            // In the store: published, pointing at that post.
            var reply = await desk.GetAsync(replyId);
            Assert.Equal(ReplyState.Published, reply!.State);
            Assert.Equal(post.PostId, reply.PublishedPostId);
        }

        Assert.Empty(await desk.ListAsync(ReplyState.Queued));
        Assert.Empty(await desk.ListAsync(ReplyState.Dead));

        // Each kill with an answer held left a post unrecorded; its retry met the safeguard.
        Assert.True(SafeguardCatches >= Kills / 2, $"the safeguard answered only {SafeguardCatches} retries");
    }

    [Fact]
    [Trait("Category", "Crash")]
    public async Task WithoutThePlatformsSafeguard_TheSameKillsPostSomeRepliesTwice()
    {
        await PublishWithKillsAsync(safeguard: false);

        var texts = Server.Created.Select(post => Describe(post).Text).ToList();
        Assert.True(texts.Count > ReplyCount, $"{texts.Count} posts for {ReplyCount} replies");
        Assert.Equal(ReplyCount, texts.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Starts the platform's fake.</summary>
    private protected abstract Task<FakeReplyServer> StartServerAsync();

    /// <summary>Turns off what keeps a retry from posting again: the fake then behaves as a platform without it would.</summary>
    private protected abstract void DisableSafeguard();

    /// <summary>Makes known on the platform the post reply <paramref name="index"/> answers; returns its Monitro post id.</summary>
    private protected abstract string AddAnsweredPost(int index);

    /// <summary>Adds the platform's publisher for <see cref="Account"/>, pointed at the fake.</summary>
    private protected abstract void AddPublisher(IMonitroBuilder monitro);

    /// <summary>Describes a post the fake made: its Monitro post id, its text, and the platform's id of the post it answers.</summary>
    private protected abstract (string PostId, string Text, string Parent) Describe(JsonObject created);

    /// <summary>The platform's id of a post, from its Monitro post id.</summary>
    private protected abstract string ParentOf(string answeredPostId);

    private async Task<(ReplyDesk Desk, Dictionary<string, (string Text, string Answered)> Expected)> PublishWithKillsAsync(bool safeguard)
    {
        var clock = Stopwatch.StartNew();
        var seed = Environment.TickCount;
        _output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var delays = new Random(random.Next());
        _server = await StartServerAsync();
        if (!safeguard)
        {
            DisableSafeguard();
        }

        // Each answer comes a little after its post exists, so that random kills land between the two.
        Server.AnswerDelay = () =>
        {
            lock (delays)
            {
                return TimeSpan.FromMilliseconds(delays.Next(0, 40));
            }
        };
        var database = Path.Combine(_folder, "monitro.db");
        _provider = BuildDesk(database);
        var desk = _provider.GetRequiredService<ReplyDesk>();
        var expected = await CreateApprovedRepliesAsync(desk);

        var kills = 0;
        var run = 0;
        while (kills < Kills)
        {
            Assert.True(run < 20, "the child kept finishing before it could be killed");
            var createdBefore = Server.Created.Count;

            // Every other kill lands exactly in the crash window: the post exists, its answer has not arrived.
            var inWindow = kills % 2 == 1;
            var held = inWindow ? Server.HoldNextAnswer() : Task.CompletedTask;
            using var child = CrashHarnessProcess.StartReplyPublisher(database, ClockStepPerRun * run, PublisherArguments);
            if (inWindow)
            {
                await WaitUntilAsync(() => held.IsCompleted || child.HasExited, clock);
            }
            else
            {
                await WaitUntilAsync(() => Server.Created.Count > createdBefore || child.HasExited, clock);
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
                _output.WriteLine($"run {run}: killed {(inWindow ? "with an answer held" : "at a random moment")}, {Server.Created.Count} posts made");
            }

            Server.ReleaseAnswer();
            run++;
        }

        using (var last = CrashHarnessProcess.StartReplyPublisher(database, ClockStepPerRun * run, PublisherArguments))
        {
            Assert.True(await last.WaitForExitAsync(Limit - clock.Elapsed), "the last run did not finish in time");
            Assert.True(last.ExitCode == 0, last.Errors);
        }

        var attempts = 0;
        foreach (var replyId in expected.Keys)
        {
            attempts += (await desk.GetAsync(replyId))!.Attempts;
        }

        _output.WriteLine(
            $"{run + 1} runs, {kills} kills, {Server.Created.Count} posts for {ReplyCount} replies, {attempts} attempts, " +
            $"the safeguard answered {SafeguardCatches} retries{(safeguard ? string.Empty : " (turned off)")}, {clock.Elapsed.TotalSeconds:F1} s");
        return (desk, expected);
    }

    private ServiceProvider BuildDesk(string database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var monitro = services.AddMonitro()
            .UseSqlite(database)
            .AddReplies(options => options.ApprovalRequired.Add(Account));
        AddPublisher(monitro);
        return services.BuildServiceProvider();
    }

    // Each reply answers its own post; each is created waiting for approval, then approved.
    private async Task<Dictionary<string, (string Text, string Answered)>> CreateApprovedRepliesAsync(ReplyDesk desk)
    {
        var expected = new Dictionary<string, (string Text, string Answered)>(StringComparer.Ordinal);
        for (var i = 0; i < ReplyCount; i++)
        {
            var answered = AddAnsweredPost(i);
            var text = string.Create(CultureInfo.InvariantCulture, $"Sorry about that, we are on it (case {i}).");
            var reply = await desk.CreateAsync(new ReplyDraft { Account = Account, InReplyToPostId = answered, Text = text });
            Assert.Equal(ReplyState.AwaitingApproval, reply.State);
            await desk.ApproveAsync(reply.Id, "lead-1");
            expected.Add(reply.Id, (text, answered));
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
