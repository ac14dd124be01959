// Monitro quick start: listens to a bundled, offline data set of 3,000+ posts about Tidewell (a fictional
// project-management company), its products, people and competitors, prints alerts as mentions are found,
// and ends with the people who matter most and why.
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitro;
using Monitro.Samples.QuickStart;

var culture = CultureInfo.InvariantCulture;
var dataFolder = Path.Combine(AppContext.BaseDirectory, "Data");
var watches = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(dataFolder, "watches.json")), MonitroJsonContext.Default.ListWatchDefinition)!;

// Count what the pipeline reports on the "Monitro" meter, as any telemetry SDK would.
var counters = new Dictionary<string, long>();
using var listener = new MeterListener
{
    InstrumentPublished = (instrument, l) =>
    {
        if (instrument.Meter.Name == MonitroDiagnostics.MeterName)
        {
            l.EnableMeasurementEvents(instrument);
        }
    },
};
listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
{
    lock (counters)
    {
        counters[instrument.Name] = counters.GetValueOrDefault(instrument.Name) + value;
    }
});
listener.Start();

var now = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

// Everything found goes into a SQLite file; it starts empty on every run so the output is the same each time.
var databasePath = Path.Combine(AppContext.BaseDirectory, "monitro-quickstart.db");
foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
{
    File.Delete(file);
}

var alerts = new ConsoleAlertSink(shownInFull: 25);
var services = new ServiceCollection();
services.AddSingleton<TimeProvider>(new FixedClock(now));
services.AddMonitro(options =>
    {
        foreach (var watch in watches)
        {
            options.Watches.Add(watch);
        }
    })
    .AddOwnAccount("mastodon", "tidewell@mastodon.social")
    .AddOwnAccount("mastodon", "tidewellhelp@mastodon.social")
    .AddOwnAccount("bluesky", "tidewell.io")
    .AddOwnAccount("reddit", "TidewellTeam")
    .AddJsonLinesReplay("quickstart", Path.Combine(dataFolder, "posts.jsonl"))
    .AddSink(alerts)
    .UseSqlite(o =>
    {
        o.ConnectionString = databasePath;
        o.DurableAgainstPowerLoss = false; // a demo: survive a killed process, skip waiting for the disk on every commit
    });

await using var provider = services.BuildServiceProvider();
var monitor = provider.GetRequiredService<MentionMonitor>();

Console.WriteLine($"Monitro quick start: {watches.Count} watches, listening to the bundled posts (clock fixed at {now:yyyy-MM-dd HH:mm} UTC)");
Console.WriteLine();
var perWatch = new SortedDictionary<string, int>(StringComparer.Ordinal);
await foreach (var mention in monitor.ListenAsync())
{
    perWatch[mention.Watch.Name] = perWatch.GetValueOrDefault(mention.Watch.Name) + 1;
}

listener.RecordObservableInstruments();
var queries = provider.GetRequiredService<IMonitroQueries>();
var deadLetters = await queries.GetDeadLettersAsync(new PageRequest(PageSize: 100));
Console.WriteLine();
Console.WriteLine(string.Create(culture, $"{counters.GetValueOrDefault("monitro.posts.read")} posts read, {counters.GetValueOrDefault("monitro.posts.duplicates")} duplicates dropped, {counters.GetValueOrDefault("monitro.items.skipped")} malformed lines skipped, {perWatch.Values.Sum()} mentions found, {alerts.Delivered} alerts delivered"));
foreach (var skipped in deadLetters.Items)
{
    Console.WriteLine(string.Create(culture, $"  skipped {skipped.Position}: {Shorten(skipped.Reason, 100)}"));
}

Console.WriteLine();
Console.WriteLine("Mentions per watch");
foreach (var (watch, count) in perWatch.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
{
    Console.WriteLine(string.Create(culture, $"  {watch,-36} {count,6}"));
}

Console.WriteLine();
Console.WriteLine("The people who matter most (scores 0-100; affect 50 = neutral, — = too little evidence)");
Console.WriteLine(string.Create(culture, $"  {"person",-30} {"role",-19} {"bond",4} {"band",-7} {"affect",6} {"care",4} {"open",4}  why"));
foreach (var person in monitor.Relationships.GetTop(15, now))
{
    var who = Shorten($"{person.Person.DisplayName ?? person.Person.Handle} ({person.Person.Platform})", 30);
    var role = person.Role?.ToString() ?? "—";
    var affect = person.Affect?.Value is { } tone ? tone.ToString("0", culture) : "—";
    var care = person.Care?.Value is { } responsiveness ? responsiveness.ToString("0", culture) : "—";
    Console.WriteLine(string.Create(culture, $"  {who,-30} {role,-19} {person.Bond,4:0} {person.Band,-7} {affect,6} {care,4} {person.OpenItems,4}  {Shorten(person.Reason, 110)}"));
}

Console.WriteLine();
Console.WriteLine($"Everything found is in {databasePath}");

static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
