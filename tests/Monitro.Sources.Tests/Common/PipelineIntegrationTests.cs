using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitro.Sources.Tests.Infrastructure;
using Monitro.Sources.Tests.Rss;

namespace Monitro.Sources.Tests.Common;

/// <summary>A source registered next to <c>AddMonitro</c> in a real host feeds the pipeline, which delivers mentions to a sink.</summary>
public sealed class PipelineIntegrationTests
{
    [Fact]
    public async Task Host_WithAnRssSource_DeliversMatchingMentionsToTheSink()
    {
        var feed = new ScriptedEndpoint(new FakeTimeProvider());
        feed.Then(200, FeedFixtures.Rss(
            FeedFixtures.RssItem("a", "Acme CRM lost my data again", "Wed, 31 Dec 2025 10:00:00 GMT"),
            FeedFixtures.RssItem("b", "Gardening tips for winter", "Wed, 31 Dec 2025 11:00:00 GMT", "<p>Frost, mulch and patience.</p>")), "application/rss+xml");
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", feed.HandleAsync));
        var sink = new CollectingSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMonitro()
            .AddWatch("Acme", WatchCategory.Brand, "acme")
            .AddSink(sink)
            .AddRss("blog", o =>
            {
                o.FeedUrl = server.Url("feed");
                o.FirstRun = FirstRunMode.EverythingAvailable;
                o.PollInterval = TimeSpan.FromSeconds(1);
            });
        using var host = builder.Build();

        await host.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (sink.Alerts.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await host.StopAsync();

        var alert = Assert.Single(sink.Alerts);
        Assert.Equal("rss:127.0.0.1/a", alert.Mention!.Post.Id);
        Assert.Equal("Acme", alert.Mention.Watch.Name);
    }

    [Fact]
    public async Task Host_WithInvalidSourceOptions_FailsToStartNamingTheProblem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMonitro().AddMastodon("masto", o => o.Instance = new Uri("https://mastodon.example"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.Contains("Source 'masto': Hashtags needs at least one tag.", StringComparison.Ordinal));
    }

    private sealed class CollectingSink : IAlertSink
    {
        public ConcurrentQueue<Alert> Alerts { get; } = new();

        public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
        {
            Alerts.Enqueue(alert);
            return ValueTask.CompletedTask;
        }
    }
}
