// Monitro worker sample: listens to real places (RSS feeds, a Google Alerts feed, Mastodon hashtags, Bluesky
// Jetstream, Hacker News, and Reddit with your own approved app) as configured in appsettings.json, and prints
// the mentions that match the watches. Stop it with Ctrl+C.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitro;
using Monitro.Samples.Worker;

var builder = Host.CreateApplicationBuilder(args);
var configuration = builder.Configuration;
var sources = configuration.GetSection("Sources");

var monitro = builder.Services
    .AddMonitro(options => configuration.GetSection("Monitro").Bind(options))
    .AddSink(new ConsoleMentionSink())
    .UseSqlite(configuration["Storage:Sqlite"] ?? "monitro.db"); // checkpoints, mentions and the alert outbox survive restarts

if (Enabled(sources.GetSection("GoogleAlerts")))
{
    monitro.AddGoogleAlerts("google-alerts", options => sources.GetSection("GoogleAlerts").Bind(options));
}

foreach (var feed in sources.GetSection("Rss").GetChildren())
{
    monitro.AddRss(feed["Name"] ?? feed.Key, options => feed.Bind(options));
}

if (Enabled(sources.GetSection("Mastodon")))
{
    monitro.AddMastodon("mastodon", options => sources.GetSection("Mastodon").Bind(options));
}

if (Enabled(sources.GetSection("Bluesky")))
{
    monitro.AddBlueskyJetstream("bluesky", options => sources.GetSection("Bluesky").Bind(options));
}

if (Enabled(sources.GetSection("HackerNews")))
{
    monitro.AddHackerNews("hackernews", options => sources.GetSection("HackerNews").Bind(options));
}

if (Enabled(sources.GetSection("Reddit")))
{
    monitro.AddReddit("reddit", options => sources.GetSection("Reddit").Bind(options));
}

builder.Services.AddHostedService<SourceHealthReporter>();
await builder.Build().RunAsync();

static bool Enabled(IConfigurationSection section) => section.Exists() && section.GetValue("Enabled", defaultValue: true);
