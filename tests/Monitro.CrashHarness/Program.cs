using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitro;
using Monitro.CrashHarness;
using Monitro.Alerting.Delivery;

// Usage:
//   Monitro.CrashHarness <database> <input.jsonl> <webhook-url> <secret> <clock-offset-minutes>
//     Runs the whole pipeline once: reads the replay from its last checkpoint, commits to the store, delivers
//     every alert to the webhook, and exits 0 when the replay is done and the outbox is settled.
//   Monitro.CrashHarness dispatch <database> <webhook-url> <secret>
//     Runs the same pipeline with no source, so only its alert dispatcher works: it delivers what the outbox
//     holds (an outbox other dispatcher processes may share) and exits 0 once nothing is left that it can claim.
//   Monitro.CrashHarness replies <database> <clock-offset-minutes> <platform> <url> <credentials>...
//     Publishes the reply outbox of account "acme" to a Mastodon, Bluesky or Reddit server (see ReplyPublishing.Usage),
//     and exits 0 once no reply is left queued.
// <database> is a SQLite file, or postgresql:<schema>:<connection string> (see StoreSelection).
if (args is ["replies", var replyStore, var replyClockOffset, .. var publisher])
{
    return await ReplyPublishing.RunAsync(replyStore, replyClockOffset, publisher);
}

var (database, input, webhook, secret, clockOffsetMinutes) = args switch
{
    ["dispatch", var store, var url, var key] => (store, null, url, key, "0"),
    [var store, var replay, var url, var key, var offset] => (store, (string?)replay, url, key, offset),
    _ => default,
};
if (database is null)
{
    await Console.Error.WriteLineAsync("usage: Monitro.CrashHarness <database> <input.jsonl> <webhook-url> <secret> <clock-offset-minutes>");
    await Console.Error.WriteLineAsync("       Monitro.CrashHarness dispatch <database> <webhook-url> <secret>");
    await Console.Error.WriteLineAsync("       Monitro.CrashHarness replies <database> <clock-offset-minutes> " + ReplyPublishing.Usage);
    return 2;
}

var clock = new OffsetTimeProvider(TimeSpan.FromMinutes(int.Parse(clockOffsetMinutes, CultureInfo.InvariantCulture)));
using var httpClient = new HttpClient();
var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<TimeProvider>(clock);
var monitro = services.AddMonitro(options =>
    {
        options.SinkMaxAttempts = 100;
        options.SinkRetryInitialDelay = TimeSpan.FromMilliseconds(20);
        options.ShutdownGracePeriod = TimeSpan.FromSeconds(30);
    })
    .UseDatabase(database)
    .AddSink(provider => new WebhookAlertSink(
        httpClient,
        new WebhookAlertSinkOptions { Endpoint = new Uri(webhook), Secret = secret },
        provider.GetRequiredService<TimeProvider>()));
if (input is not null)
{
    monitro.AddWatch("acme", WatchCategory.Brand, "acme")
        .AddSource(new JsonLinesReplaySource("replay", new JsonLinesSourceOptions { Path = input, BatchSize = 1000 }));
}

await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
await provider.GetRequiredService<MentionMonitor>().RunAsync();
await Console.Out.WriteLineAsync("done");
return 0;
