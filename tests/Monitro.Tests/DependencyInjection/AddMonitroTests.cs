using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitro.Testing;
using Monitro.Tests.Pipeline;

namespace Monitro.Tests.DependencyInjection;

public sealed class AddMonitroTests
{
    [Fact]
    public void AddMonitro_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMonitro(o => o.Watches.Add(new WatchDefinition { Name = "acme", Query = "acme" }));
        services.AddMonitro(o => o.Watches.Add(new WatchDefinition { Name = "acme", Query = "acme" }));

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // One pipeline runner, one outbox sampler for the gauges and one starter of backfills.
        Assert.Single(provider.GetServices<IHostedService>().OfType<Monitro.DependencyInjection.MonitroHostedService>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<Monitro.Diagnostics.OutboxStatisticsSampler>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<Monitro.Backfill.WatchBackfillHostedService>());
        Assert.Equal(3, provider.GetServices<IHostedService>().Count());
        Assert.Single(provider.GetServices<MentionMonitor>());
        Assert.Single(provider.GetServices<IMentionMatcher>());
        Assert.Single(provider.GetRequiredService<MentionMonitor>().Matcher.Watches);
    }

    [Fact]
    public async Task AddMonitro_CalledTwice_PipelineStillDeliversEachAlertOnce()
    {
        var sink = new RecordingSink();
        var services = new ServiceCollection();
        services.AddMonitro().AddWatch("acme", WatchCategory.Brand, "acme").AddSink(sink).AddSource(new InMemorySource("memory", TestPosts.Numbered(5)));
        services.AddMonitro();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<MentionMonitor>().RunAsync();

        Assert.Equal(5, sink.Alerts.Count);
    }

    [Fact]
    public async Task AddMonitro_WithoutStore_QueriesAndErasureReadWhatThePipelineStored()
    {
        var services = new ServiceCollection();
        services.AddMonitro().AddWatch("acme", WatchCategory.Brand, "acme").AddSource(new InMemorySource("memory", TestPosts.Numbered(5)));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<MentionMonitor>().RunAsync();

        var queries = provider.GetRequiredService<IMonitroQueries>();
        var first = await queries.GetMentionsAsync(new MentionQuery { WatchName = "acme", Page = new PageRequest(3) });
        var second = await queries.GetMentionsAsync(new MentionQuery { WatchName = "acme", Page = new PageRequest(3, first.ContinuationToken) });

        Assert.Equal(["acme|mastodon:p5", "acme|mastodon:p4", "acme|mastodon:p3"], first.Items.Select(m => m.Id));
        Assert.Equal(["acme|mastodon:p2", "acme|mastodon:p1"], second.Items.Select(m => m.Id));
        Assert.False(second.HasMore);
        var store = provider.GetRequiredService<InMemoryMonitroStore>();
        Assert.Same(store, queries);
        Assert.Same(store, provider.GetRequiredService<IRelationshipSnapshotStore>());
        var erasure = await provider.GetRequiredService<IPersonDataEraser>().ForgetPersonAsync("mastodon:user5@example.social");
        Assert.Equal((1, 1), (erasure.Posts, erasure.Mentions));
        Assert.Equal(4, (await queries.GetMentionsAsync(new MentionQuery())).Items.Count);
    }

    [Fact]
    public void AddMonitro_OwnStoreInPlaceOfTheDefault_QueriesAnswerFromThatStore()
    {
        var own = new InMemoryMonitroStore();
        var services = new ServiceCollection();
        services.AddSingleton<IMonitroStore>(own);
        services.AddMonitro();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(own, provider.GetRequiredService<IMonitroQueries>());
        Assert.Same(own, provider.GetRequiredService<IPersonDataEraser>());
        Assert.Same(own, provider.GetRequiredService<IRelationshipSnapshotStore>());
    }

    [Fact]
    public void AddMonitro_OwnStoreWithoutQueries_ResolvingQueriesNamesWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddMonitro().Services.AddSingleton<IMonitroStore>(new RecordingStore(new InMemoryMonitroStore()));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IMonitroQueries>());

        Assert.Contains("RecordingStore", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not implement IMonitroQueries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_InvalidQuery_FailsValidationNamingWatchAndPosition()
    {
        using var provider = MonitroTestHost.Build(b => b.AddWatch("broken", WatchCategory.Brand, "(acme OR tidewell"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitroOptions>>().Value);

        Assert.Contains("watch 'broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected ')' at 17", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_OnlyNegativeQuery_FailsValidationWithReason()
    {
        using var provider = MonitroTestHost.Build(b => b.AddWatch("negative", WatchCategory.Custom, "-acme"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitroOptions>>().Value);

        Assert.Contains("only excludes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BatchQueueCapacity", "BatchQueueCapacity")]
    [InlineData("SourceRetryMaxDelay", "SourceRetryMaxDelay")]
    [InlineData("OwnAccounts", "platform:handle")]
    [InlineData("DuplicateWatch", "watch names must be unique")]
    [InlineData("EmptyWatchName", "no name")]
    public void Options_InvalidValue_FailsValidationWithClearMessage(string broken, string expected)
    {
        using var provider = MonitroTestHost.Build(
            b => { },
            o =>
            {
                switch (broken)
                {
                    case "BatchQueueCapacity": o.BatchQueueCapacity = 0; break;
                    case "SourceRetryMaxDelay": o.SourceRetryMaxDelay = TimeSpan.Zero; break;
                    case "OwnAccounts": o.OwnAccounts.Add("tidewell"); break;
                    case "DuplicateWatch": o.Watches.Add(new WatchDefinition { Name = "acme", Query = "other" }); break;
                    case "EmptyWatchName": o.Watches.Add(new WatchDefinition { Name = " ", Query = "x" }); break;
                }
            });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitroOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_InvalidOptions_FailsOnStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMonitro(o => o.DeliveryQueueCapacity = -1);
        using var host = builder.Build();

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task Host_Running_DeliversAlertsInTheBackground()
    {
        var sink = new RecordingSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMonitro()
            .AddWatch("acme", WatchCategory.Brand, "acme")
            .AddSource(new InMemorySource("memory", TestPosts.Numbered(8)))
            .AddSink(sink);
        using var host = builder.Build();

        await host.StartAsync();
        await MonitroTestHost.WaitUntilAsync(() => sink.Alerts.Count == 8, "the hosted pipeline delivered 8 alerts");
        await host.StopAsync();

        Assert.Equal(8, sink.Alerts.Select(a => a.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task Host_RunInBackgroundOff_LeavesThePipelineToTheApplication()
    {
        var sink = new RecordingSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMonitro(o => o.RunInBackground = false)
            .AddWatch("acme", WatchCategory.Brand, "acme")
            .AddSource(new InMemorySource("memory", TestPosts.Numbered(3)))
            .AddSink(sink);
        using var host = builder.Build();
        await host.StartAsync();

        var mentions = await host.Services.GetRequiredService<MentionMonitor>().ListenAllAsync();
        await host.StopAsync();

        Assert.Equal(3, mentions.Count);
        Assert.Equal(3, sink.Alerts.Count);
    }
}
