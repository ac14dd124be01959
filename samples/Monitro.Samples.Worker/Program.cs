// Monitro worker sample: listens to real places (RSS feeds, a Google Alerts feed, Mastodon hashtags, Bluesky
// Jetstream, Hacker News, and Reddit with your own approved app) as configured in appsettings.json, and prints
// the mentions that match the watches. Stop it with Ctrl+C.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitro;
using Monitro.Samples.Worker;

// The configuration sits beside the program, so the worker finds it whether it is started from the repository
// root (`dotnet run --project samples/Monitro.Samples.Worker`) or from its own folder.
var settingsFile = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
if (!File.Exists(settingsFile))
{
    await Console.Error.WriteLineAsync($"The worker's configuration was not found: {settingsFile} is missing. Build the sample again, or copy appsettings.json there.");
    return 2;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var configuration = builder.Configuration;
var sources = configuration.GetSection("Sources");
var enabledSources = 0;

var monitro = builder.Services
    .AddMonitro(options => configuration.GetSection("Monitro").Bind(options))
    .AddSink(new ConsoleMentionSink())
    .UseSqlite(configuration["Storage:Sqlite"] ?? "monitro.db"); // checkpoints, mentions and the alert outbox survive restarts

if (Enabled(sources.GetSection("GoogleAlerts")))
{
    monitro.AddGoogleAlerts("google-alerts", options => sources.GetSection("GoogleAlerts").Bind(options));
    enabledSources++;
}

foreach (var feed in sources.GetSection("Rss").GetChildren().Where(Enabled))
{
    monitro.AddRss(feed["Name"] ?? feed.Key, options => feed.Bind(options));
    enabledSources++;
}

if (Enabled(sources.GetSection("Mastodon")))
{
    monitro.AddMastodon("mastodon", options => sources.GetSection("Mastodon").Bind(options));
    enabledSources++;
}

if (Enabled(sources.GetSection("Bluesky")))
{
    monitro.AddBlueskyJetstream("bluesky", options => sources.GetSection("Bluesky").Bind(options));
    enabledSources++;
}

if (Enabled(sources.GetSection("HackerNews")))
{
    monitro.AddHackerNews("hackernews", options => sources.GetSection("HackerNews").Bind(options));
    enabledSources++;
}

if (Enabled(sources.GetSection("Reddit")))
{
    monitro.AddReddit("reddit", options => sources.GetSection("Reddit").Bind(options));
    enabledSources++;
}

builder.Services.AddHostedService<SourceHealthReporter>();
var host = builder.Build();
if (enabledSources == 0)
{
    host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Monitro.Samples.Worker")
        .LogWarning("No source is enabled, so nothing will be heard: set \"Enabled\": true for a source in {SettingsFile}.", settingsFile);
}

await host.RunAsync();
return 0;

static bool Enabled(IConfigurationSection section) => section.Exists() && section.GetValue("Enabled", defaultValue: true);
