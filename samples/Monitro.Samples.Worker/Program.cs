// Monitro worker sample: listens to real places (RSS feeds, a Google Alerts feed, Mastodon hashtags, Bluesky
// Jetstream, Hacker News, and Reddit with your own approved app) as configured in appsettings.json, and prints
// the mentions that match the watches. Stop it with Ctrl+C.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitro;
using Monitro.Samples.Worker;
using Monitro.Sources;

// The configuration sits beside the program, so the worker finds it whether it is started from the repository
// root (`dotnet run --project samples/Monitro.Samples.Worker`) or from its own folder.
var settingsFile = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
if (!File.Exists(settingsFile))
{
    await Console.Error.WriteLineAsync($"The worker's configuration was not found: {settingsFile} is missing. Build the sample again, or copy appsettings.json there.");
    return 2;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var monitro = builder.Configuration.GetSection("Monitro");
builder.Services.AddMonitro(monitro)                       // watches, options, alert rules and sinks
    .AddSources(monitro.GetSection("Sources"))             // every enabled source
    .AddSink(new ConsoleMentionSink())
    .UseSqlite(builder.Configuration["Storage:Sqlite"] ?? "monitro.db"); // checkpoints, mentions and the alert outbox survive restarts

builder.Services.AddHostedService<SourceHealthReporter>();
var host = builder.Build();
if (!host.Services.GetServices<IListeningSource>().Any())
{
    host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Monitro.Samples.Worker")
        .LogWarning("No source is enabled, so nothing will be heard: set \"Enabled\": true for a source under Monitro:Sources in {SettingsFile}.", settingsFile);
}

await host.RunAsync();
return 0;
