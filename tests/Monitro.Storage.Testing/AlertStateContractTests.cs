using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Monitro.Storage.Testing;

/// <summary>
/// Alerting survives a restart on every store: a pipeline started again on the same store (a new provider, a new
/// monitor, only the store shared) sends the digest that was due, keeps its spike baseline and cool-down, and keeps
/// the people merged by verified identity links; nothing sent is sent again.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class AlertStateContractTests<TStore>
    where TStore : class, IMonitroStore, IAlertOutbox, IAlertStateStore, IPersonDataEraser
{
    private const string Watch = "acme";
    private const string MastodonUs = "acme@mastodon.social";
    private const string BlueskyUs = "acme.bsky.social";
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);
    private int _runs;

    /// <summary>
    /// Creates a store instance on this test's database, on the clock of the process that uses it; each call is one
    /// process's store. A store that lives in memory returns the same instance every time: it stands for a store that
    /// outlives the pipeline.
    /// </summary>
    protected abstract Task<TStore> CreateStoreAsync(TimeProvider time);

    [ContractFact]
    public async Task Restart_DigestWindowOpen_SendsTheDigestThatWasDueOnceWithItsMentions()
    {
        var digest = Rule("hourly", AlertMode.Digest);
        await RunToEndAsync(Morning, [Post("d1", "acme is great"), Post("d2", "acme again"), Post("d3", "more acme")], digest);

        // The process stopped inside the 08:00 window; the next one starts after it ended.
        var afterRestart = new CollectingSink();
        await RunUntilAsync(Morning.AddMinutes(31), afterRestart, digest, () => afterRestart.Alerts.Any(alert => alert.Kind == AlertKinds.Digest));

        var sent = Assert.Single(afterRestart.Alerts, alert => alert.Kind == AlertKinds.Digest);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), sent.Digest!.WindowStart);
        Assert.Equal(3, sent.Digest.Watches.Sum(summary => summary.Mentions));
        Assert.DoesNotContain(await (await CreateStoreAsync(TimeProvider.System)).GetAlertStateAsync(), row => row.Scope.StartsWith("digest|", StringComparison.Ordinal));

        // A third start finds the window sent: no digest again, however many checks run.
        var third = new CollectingSink();
        await RunUntilAsync(Morning.AddMinutes(45), third, digest, () => false, checks: 5);
        Assert.Empty(third.Alerts);
    }

    [ContractFact]
    public async Task Restart_EveryHour_KeepsTheSpikeBaselineAndTheCooldown()
    {
        var spike = SurgeRule();
        await RunQuietHoursAsync(spike);

        // Then a burst of twelve in the fifth hour, in a fresh process: the baseline is the stored one.
        var burst = await RunToEndAsync(Morning.AddHours(4), [.. Enumerable.Range(0, 12).Select(i => Post($"b{i}", "acme is down for everyone"))], spike);
        var raised = Assert.Single(burst, alert => alert.Kind == AlertKinds.Spike);
        Assert.Equal(2, raised.Spike!.BaselineMean);
        Assert.Equal(4, raised.Spike.BaselineWindows);
        Assert.Equal(12, raised.Spike.Summary.Mentions);

        // An hour later, another burst that would be a spike: still in the cool-down (three hours), also after a restart.
        var later = await RunToEndAsync(Morning.AddHours(5), [.. Enumerable.Range(0, 12).Select(i => Post($"c{i}", "acme is down again"))], spike);
        Assert.DoesNotContain(later, alert => alert.Kind == AlertKinds.Spike);
    }

    [ContractFact]
    public async Task Restart_CheckCommittedAfterTheBatchThatSpiked_KeepsTheCooldown()
    {
        var spike = SurgeRule();
        await RunQuietHoursAsync(spike);

        // In the fifth hour a check moves the series to the new window, but its commit lands only after the commit of
        // a batch routed after it, whose burst raised a spike and started the cool-down.
        var time = new FakeTimeProvider(Morning.AddHours(4));
        var store = new CheckCommitHoldingStore<TStore>(await CreateStoreAsync(time));
        var source = new InMemorySource($"live-{++_runs}");
        var sink = new CollectingSink();
        await using (var provider = Provider(time, source, sink, spike, store))
        {
            using var stop = new CancellationTokenSource();
            var run = Task.Run(() => provider.GetRequiredService<MentionMonitor>().RunAsync(stop.Token));
            for (var check = 0; check < 600 && !store.CheckHeld.IsCompleted && !run.IsCompleted; check++)
            {
                time.Advance(TimeSpan.FromMinutes(1));
                await Task.Delay(20);
            }

            Assert.True(store.CheckHeld.IsCompleted, "no check saved the spike series");
            source.Publish([.. Enumerable.Range(0, 12).Select(i => Post($"b{i}", "acme is down for everyone"))]);
            await store.CheckCommitted.WaitAsync(TimeSpan.FromSeconds(30));
            // Bounded by a count, not a time: a loaded machine delivers late, and the loop ends as soon as it arrives.
            for (var wait = 0; wait < 3000 && !sink.Alerts.Any(alert => alert.Kind == AlertKinds.Spike); wait++)
            {
                await Task.Delay(20);
            }

            await StopAsync(run, stop, time);
        }

        Assert.Single(sink.Alerts, alert => alert.Kind == AlertKinds.Spike);

        // An hour later, after a restart, another burst: still in the cool-down, whichever commit landed last.
        var later = await RunToEndAsync(Morning.AddHours(5), [.. Enumerable.Range(0, 12).Select(i => Post($"c{i}", "acme is down again"))], spike);
        Assert.DoesNotContain(later, alert => alert.Kind == AlertKinds.Spike);
    }

    [ContractFact]
    public async Task Restart_VerifiedDomain_KeepsThePeopleItMergedAndMergesNewIdentities()
    {
        var mastodon = Author.CreateIdentityKey("mastodon", "jane@example.social");
        var bluesky = Author.CreateIdentityKey("bluesky", "jane.dev");
        var work = Author.CreateIdentityKey("mastodon", "jane@work.example");

        // Jane's Mastodon profile proves jane.dev; then she writes from the Bluesky handle jane.dev: one person.
        await RunToEndAsync(Morning, [Post("m1", "@acme hello from mastodon", verified: "https://jane.dev/")], rule: null);
        await RunToEndAsync(Morning.AddMinutes(5), [BlueskyPost("s1", "@acme.bsky.social hello from bluesky")], rule: null);

        // A restart: the stored identities carry no profile links, yet Jane is still one person, and a new identity
        // proving the same domain joins her.
        var personIds = await RunToEndAsync(
            Morning.AddMinutes(10),
            [Post("w1", "@acme hello from work", handle: "jane@work.example", verified: "https://www.jane.dev/")],
            rule: null,
            look: provider =>
            {
                var directory = provider.GetRequiredService<IPersonDirectory>();
                return new[] { mastodon, bluesky, work }.Select(directory.GetPersonId).ToArray();
            });

        Assert.Single(personIds.Distinct(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task Forget_PersonInAnOpenWindowAndALink_LeavesNoStateAboutThem()
    {
        var digest = Rule("hourly", AlertMode.Digest);
        await RunToEndAsync(Morning, [Post("f1", "@acme acme lost my order", verified: "https://jane.dev/"), Post("f2", "acme rocks", handle: "omar@example.social")], digest);
        await RunToEndAsync(Morning.AddMinutes(5), [BlueskyPost("f3", "@acme.bsky.social acme still lost it")], digest);
        var store = await CreateStoreAsync(new FakeTimeProvider(Morning.AddMinutes(10)));
        var jane = Author.CreateIdentityKey("mastodon", "jane@example.social");
        var janeDev = Author.CreateIdentityKey("bluesky", "jane.dev");
        Assert.Contains(await store.GetAlertStateAsync(), row => row.PersonId == jane);

        await store.ForgetPersonAsync(jane);
        await store.ForgetPersonAsync(janeDev);

        var rows = await store.GetAlertStateAsync();
        Assert.DoesNotContain(rows, row => string.Concat(row.Scope, row.Item, row.PersonId, row.Payload).Contains("jane", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Mention?.Post.Author.Handle == "omar@example.social"); // the window keeps everyone else
    }

    private static AlertRuleOptions Rule(string name, AlertMode mode, Action<AlertRuleOptions>? configure = null)
    {
        var rule = new AlertRuleOptions { Name = name, Mode = mode };
        configure?.Invoke(rule);
        return rule;
    }

    // A spike rule over four hourly windows that a burst of twelve against two an hour sets off.
    private static AlertRuleOptions SurgeRule() => Rule("surge", AlertMode.Spike, rule =>
    {
        rule.BaselineWindows = 4;
        rule.MinimumCount = 5;
        rule.Sensitivity = 1;
        rule.DetectNegativeShare = false;
    });

    // Four quiet hours from the morning on, each its own process: two mentions an hour, the spike rule's baseline.
    private async Task RunQuietHoursAsync(AlertRuleOptions spike)
    {
        for (var hour = 0; hour < 4; hour++)
        {
            await RunToEndAsync(Morning.AddHours(hour), [Post($"q{hour}a", "acme works"), Post($"q{hour}b", "acme is fine")], spike);
        }
    }

    private static Post Post(string id, string text, string handle = "jane@example.social", string? verified = null) => new()
    {
        Id = Monitro.Post.CreateId("mastodon", id),
        Source = "mastodon",
        Author = new Author { Platform = "mastodon", Handle = handle, VerifiedLinks = verified is null ? null : [new Uri(verified)] },
        Text = text,
        CreatedAt = Morning,
        Language = "en",
        Entities = new PostEntities { Mentions = text.StartsWith("@acme ", StringComparison.Ordinal) ? ["acme"] : [] },
    };

    private static Post BlueskyPost(string id, string text) => new()
    {
        Id = Monitro.Post.CreateId("bluesky", id),
        Source = "bluesky",
        Author = new Author { Platform = "bluesky", Handle = "jane.dev" },
        Text = text,
        CreatedAt = Morning,
        Language = "en",
        Entities = new PostEntities { Mentions = [BlueskyUs] },
    };

    // One process that reads its posts to the end and delivers their alerts, on a clock stopped at `now`.
    private Task<IReadOnlyList<Alert>> RunToEndAsync(DateTimeOffset now, IReadOnlyList<Post> posts, AlertRuleOptions? rule) =>
        RunToEndAsync<IReadOnlyList<Alert>>(now, posts, rule, look: null);

    private async Task<T> RunToEndAsync<T>(DateTimeOffset now, IReadOnlyList<Post> posts, AlertRuleOptions? rule, Func<ServiceProvider, T>? look)
    {
        var sink = new CollectingSink();
        var time = new FakeTimeProvider(now);
        var store = await CreateStoreAsync(time);
        await using var provider = Provider(time, new InMemorySource($"live-{++_runs}", posts, batchSize: 100), sink, rule, store);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await provider.GetRequiredService<MentionMonitor>().RunAsync(timeout.Token);
        return look is null ? (T)(object)sink.Alerts : look(provider);
    }

    // One process that runs until `done` (or the checks ran out), its clock moved one check interval at a time.
    private async Task RunUntilAsync(DateTimeOffset now, CollectingSink sink, AlertRuleOptions rule, Func<bool> done, int checks = 600)
    {
        var time = new FakeTimeProvider(now);
        var source = new InMemorySource($"live-{++_runs}");
        var store = await CreateStoreAsync(time);
        await using var provider = Provider(time, source, sink, rule, store);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => provider.GetRequiredService<MentionMonitor>().RunAsync(stop.Token));
        for (var check = 0; check < checks && !done() && !run.IsCompleted; check++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        // Let what was raised be delivered, then stop.
        for (var wait = 0; wait < 500 && !done(); wait++)
        {
            await Task.Delay(20);
        }

        await StopAsync(run, stop, time);
        Assert.True(done() || checks < 600, "the awaited alert never came");
    }

    // Stops a running monitor; the clock keeps moving so no timer of the stop waits forever.
    private static async Task StopAsync(Task run, CancellationTokenSource stop, FakeTimeProvider time)
    {
        await stop.CancelAsync();
        while (!run.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(run, Task.Delay(20));
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static ServiceProvider Provider<TAnyStore>(FakeTimeProvider time, InMemorySource source, CollectingSink sink, AlertRuleOptions? rule, TAnyStore store)
        where TAnyStore : class, IMonitroStore, IAlertOutbox
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddMonitro(options => options.RunInBackground = false)
            .AddWatch(Watch, WatchCategory.Brand, "acme")
            .AddOwnAccount("mastodon", MastodonUs)
            .AddOwnAccount("bluesky", BlueskyUs)
            .AddSource(source)
            .AddSink(sink)
            .UseStore(_ => store, _ => { });
        services.Configure<AlertingOptions>(options =>
        {
            if (rule is not null)
            {
                options.Rules.Add(rule);
            }
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Records the alerts delivered to it.</summary>
    private sealed class CollectingSink : IAlertSink
    {
        private readonly ConcurrentQueue<Alert> _alerts = new();

        public IReadOnlyList<Alert> Alerts => [.. _alerts];

        public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
        {
            _alerts.Enqueue(alert);
            return ValueTask.CompletedTask;
        }
    }
}
