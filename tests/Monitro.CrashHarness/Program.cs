using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitro;
using Monitro.CrashHarness;
using Monitro.Delivery;

// Usage: Monitro.CrashHarness <database> <input.jsonl> <webhook-url> <secret> <clock-offset-minutes>
// <database> is a SQLite file, or postgresql:<schema>:<connection string> (see StoreSelection).
// Runs the whole pipeline once: reads the replay from its last checkpoint, commits to SQLite, delivers
// every alert to the webhook, and exits 0 when the replay is done and the outbox is settled.
if (args.Length != 5)
{
    await Console.Error.WriteLineAsync("usage: Monitro.CrashHarness <database> <input.jsonl> <webhook-url> <secret> <clock-offset-minutes>");
    return 2;
}

var clock = new OffsetTimeProvider(TimeSpan.FromMinutes(int.Parse(args[4], CultureInfo.InvariantCulture)));
using var httpClient = new HttpClient();
var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<TimeProvider>(clock);
services.AddMonitro(options =>
    {
        options.SinkMaxAttempts = 100;
        options.SinkRetryInitialDelay = TimeSpan.FromMilliseconds(20);
        options.ShutdownGracePeriod = TimeSpan.FromSeconds(30);
    })
    .AddWatch("acme", WatchCategory.Brand, "acme")
    .AddSource(new JsonLinesReplaySource("replay", new JsonLinesSourceOptions { Path = args[1], BatchSize = 1000 }))
    .UseDatabase(args[0])
    .AddSink(provider => new WebhookAlertSink(
        httpClient,
        new WebhookAlertSinkOptions { Endpoint = new Uri(args[2]), Secret = args[3] },
        provider.GetRequiredService<TimeProvider>()));

await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
await provider.GetRequiredService<MentionMonitor>().RunAsync();
await Console.Out.WriteLineAsync("done");
return 0;
