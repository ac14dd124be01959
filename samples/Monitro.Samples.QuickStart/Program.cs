// Monitro quick start: listens to a bundled, offline data set of 3,000+ posts about Tidewell (a fictional
// project-management company), its products, people and competitors; routes what it finds through a few alert
// rules on a clock that follows the posts' times; prints the alerts (the brand's first), the hourly digests, what
// was skipped and why, the people who matter most and why, and what to try next.
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitro;
using Monitro.Alerting;
using Monitro.Samples.QuickStart;
using Monitro.Samples.Shared;

var culture = CultureInfo.InvariantCulture;
var dataFolder = Path.Combine(AppContext.BaseDirectory, "Data");
var postsPath = Path.Combine(dataFolder, "posts.jsonl");
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

// The posts are replayed as if they were arriving now: a virtual clock starts at the first post and moves to each
// post's time, so every hour's digest closes and is sent as the replay passes it, and the output is the same on
// every run.
var clock = new FakeTimeProvider(await ClockedReplaySource.FirstPostTimeAsync(postsPath));

// Everything found goes into a SQLite file; it starts empty on every run so the output is the same each time.
var databasePath = Path.Combine(AppContext.BaseDirectory, "monitro-quickstart.db");
foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
{
    File.Delete(file);
}

var alerts = new AlertCollector();
var services = new ServiceCollection();
services.AddSingleton<TimeProvider>(clock);
services.AddMonitro(options =>
    {
        // The replay hands over the next post only once the last one is committed: a queue of one is enough.
        options.BatchQueueCapacity = 1;
        foreach (var watch in watches)
        {
            options.Watches.Add(watch);
        }
    })
    .AddOwnAccount("mastodon", "tidewell@mastodon.social")
    .AddOwnAccount("mastodon", "tidewellhelp@mastodon.social")
    .AddOwnAccount("bluesky", "tidewell.io")
    .AddOwnAccount("reddit", "TidewellTeam")
    .AddSource(provider => new ClockedReplaySource("quickstart", postsPath, clock, provider.GetRequiredService<IMonitroStore>(), (last, token) => CloseLastHourAsync(clock, alerts, last, token)))
    .AddSink(alerts)
    .UseSqlite(o =>
    {
        o.ConnectionString = databasePath;
        o.DurableAgainstPowerLoss = false; // a demo: survive a killed process, skip waiting for the disk on every commit
    });

// What deserves an alert: people who need an answer about us, and changes in a relationship, at once; everything
// else waits for the hourly digest (docs/alerts.md has every filter and mode).
services.Configure<AlertingOptions>(alerting =>
{
    var needsAnswer = new AlertRuleOptions { Name = "needs-answer", Mode = AlertMode.Immediate };
    foreach (var intent in new[] { IntentLabel.Question, IntentLabel.Complaint, IntentLabel.ChurnRisk, IntentLabel.PurchaseIntent })
    {
        needsAnswer.Intents.Add(intent);
    }

    foreach (var category in new[] { WatchCategory.Brand, WatchCategory.Product, WatchCategory.Person })
    {
        needsAnswer.Categories.Add(category);
    }

    var relationships = new AlertRuleOptions { Name = "relationships", Mode = AlertMode.Immediate };
    relationships.Kinds.Add("relationship.*");
    alerting.Rules.Add(needsAnswer);
    alerting.Rules.Add(relationships);
    alerting.Rules.Add(new AlertRuleOptions { Name = "hourly", Mode = AlertMode.Digest, Period = DigestPeriod.Hourly });
});

await using var provider = services.BuildServiceProvider();
var monitor = provider.GetRequiredService<MentionMonitor>();

Console.WriteLine($"Monitro quick start: {watches.Count} watches, 3 alert rules, replaying the bundled posts on a clock that follows their times (from {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC)");
var perWatch = new SortedDictionary<string, int>(StringComparer.Ordinal);
await foreach (var mention in monitor.ListenAsync())
{
    perWatch[mention.Watch.Name] = perWatch.GetValueOrDefault(mention.Watch.Name) + 1;
}

listener.RecordObservableInstruments();
var now = clock.GetUtcNow();
var delivered = alerts.Alerts;
var mentionAlerts = delivered.Where(a => a.Mention is not null)
    .OrderBy(a => a.Mention!.Post.CreatedAt).ThenBy(a => a.Mention!.Post.Id, StringComparer.Ordinal).ThenBy(a => a.Mention!.Watch.Name, StringComparer.Ordinal)
    .ToList();
var brandAlerts = mentionAlerts.Where(a => a.Mention!.Watch.Category == WatchCategory.Brand).ToList();
var otherAlerts = mentionAlerts.Where(a => a.Mention!.Watch.Category != WatchCategory.Brand).ToList();
var relationshipAlerts = delivered.Where(a => a.Transition is not null)
    .OrderBy(a => a.Transition!.DetectedAt).ThenBy(a => a.IdempotencyKey, StringComparer.Ordinal)
    .ToList();
var digests = delivered.Where(a => a.Digest is not null).OrderBy(a => a.Digest!.WindowStart).ToList();

Console.WriteLine();
Console.WriteLine(string.Create(culture, $"Alerts about Tidewell, the brand, oldest first ({Math.Min(15, brandAlerts.Count)} of {brandAlerts.Count}; rule: needs-answer)"));
foreach (var alert in brandAlerts.Take(15))
{
    Console.WriteLine("  " + Describe(alert.Mention!, showWatch: false));
}

Console.WriteLine();
Console.WriteLine(string.Create(culture, $"Alerts about its products and people, oldest first ({Math.Min(10, otherAlerts.Count)} of {otherAlerts.Count})"));
foreach (var alert in otherAlerts.Take(10))
{
    Console.WriteLine("  " + Describe(alert.Mention!, showWatch: true));
}

Console.WriteLine();
Console.WriteLine(string.Create(culture, $"Relationship alerts, oldest first ({Math.Min(10, relationshipAlerts.Count)} of {relationshipAlerts.Count}; rule: relationships)"));
foreach (var alert in relationshipAlerts.Take(10))
{
    Console.WriteLine(string.Create(culture, $"  {alert.Transition!.DetectedAt:MM-dd HH:mm} {alert.Title}"));
}

Console.WriteLine();
Console.WriteLine(string.Create(culture, $"Hourly digests, oldest first ({Math.Min(5, digests.Count)} of {digests.Count}, one for each hour with mentions; rule: hourly)"));
foreach (var digest in digests.Take(5))
{
    Console.WriteLine("  " + DescribeDigest(digest.Digest!));
}

if (digests.Count > 0)
{
    var busiest = digests.OrderByDescending(a => a.Digest!.Watches.Sum(watch => watch.Mentions)).ThenBy(a => a.Digest!.WindowStart).First();
    Console.WriteLine("  busiest: " + DescribeDigest(busiest.Digest!));
}

var mentionCount = perWatch.Values.Sum();
Console.WriteLine();
Console.WriteLine(string.Create(culture, $"{counters.GetValueOrDefault("monitro.posts.read")} posts read, {counters.GetValueOrDefault("monitro.posts.duplicates")} duplicates dropped, {counters.GetValueOrDefault("monitro.items.skipped")} malformed lines skipped, {mentionCount} mentions found, {delivered.Count} alerts delivered"));
var digestMentions = digests.Sum(a => a.Digest!.Watches.Sum(watch => watch.Mentions));
Console.WriteLine(string.Create(culture, $"  every mention also counts in an hourly digest: {digests.Count} digests sent, {digestMentions} mentions in them, the last as the clock passed {now:yyyy-MM-dd HH:mm} UTC"));
var deadLetters = await provider.GetRequiredService<IMonitroQueries>().GetDeadLettersAsync(new PageRequest(PageSize: 100));
foreach (var skipped in deadLetters.Items.OrderBy(LineNumber))
{
    Console.WriteLine(string.Create(culture, $"  skipped {skipped.Position}: {skipped.Reason}"));
}

Console.WriteLine();
Console.WriteLine("Mentions per watch");
foreach (var (watch, count) in perWatch.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
{
    Console.WriteLine(string.Create(culture, $"  {watch,-36} {count,6}"));
}

Console.WriteLine();
Console.WriteLine("The people who matter most (scores 0-100; affect 50 = neutral, — = too little evidence)");
Console.WriteLine(string.Create(culture, $"  {"person",-30} {"role",-19} {"bond",4} {"band",-7} {"affect",6} {"care",4} {"open",4}"));
foreach (var person in monitor.Relationships.GetTop(15, now))
{
    var who = TextLayout.Shorten($"{person.Person.DisplayName ?? person.Person.Handle} ({person.Person.Platform})", 30);
    var role = person.Role?.ToString() ?? "—";
    var affect = person.Affect?.Value is { } tone ? tone.ToString("0", culture) : "—";
    var care = person.Care?.Value is { } responsiveness ? responsiveness.ToString("0", culture) : "—";
    Console.WriteLine(string.Create(culture, $"  {who,-30} {role,-19} {person.Bond,4:0} {person.Band,-7} {affect,6} {care,4} {person.OpenItems,4}"));
    foreach (var line in TextLayout.Wrap("why: " + person.Reason, 96))
    {
        Console.WriteLine("      " + line);
    }
}

Console.WriteLine();
Console.WriteLine("What next");
Console.WriteLine("  See it in a CRM:     dotnet run --project samples/Monitro.Samples.Crm -- --replay");
Console.WriteLine("  Read the docs:       README.md, then docs/alerts.md (rules), docs/relationships.md (scores), docs/operations.md (health)");
Console.WriteLine("  Open the database:   sqlite3 \"" + databasePath + "\" \"SELECT count(*) FROM mentions;\"");
Console.WriteLine("                       (any SQLite tool opens it; docs/storage.md describes the tables)");

// The replay ends with the hour of its last post: the clock moves past that hour's end so its digest closes, and the
// run waits (on the real clock, bounded) for the digest scheduler, which runs on its own timer, to deliver it.
static async Task CloseLastHourAsync(FakeTimeProvider clock, AlertCollector alerts, DateTimeOffset last, CancellationToken cancellationToken)
{
    var hourStart = new DateTimeOffset(last.Year, last.Month, last.Day, last.Hour, 0, 0, last.Offset);
    clock.SetUtcNow(hourStart.AddHours(1).AddMinutes(2));
    for (var waited = 0; waited < 300 && !alerts.Alerts.Any(a => a.Digest?.WindowStart == hourStart); waited++)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
    }
}

// One digest on one line: its hour, how many mentions, and the three watches with the most.
static string DescribeDigest(AlertDigest digest)
{
    var watches = string.Join(", ", digest.Watches.Take(3).Select(watch => string.Create(CultureInfo.InvariantCulture, $"{watch.Watch.Name} {watch.Mentions}")));
    var more = digest.Watches.Count > 3 ? ", …" : "";
    var total = digest.Watches.Sum(watch => watch.Mentions);
    return string.Create(
        CultureInfo.InvariantCulture,
        $"{digest.WindowStart:MM-dd HH:mm} to {digest.WindowEnd:HH:mm}: {total,3} {(total == 1 ? "mention " : "mentions")} ({watches}{more})");
}

static string Describe(Mention mention, bool showWatch)
{
    var post = mention.Post;
    var signals = mention.Signals;
    var tone = signals is null ? "" : signals.Sentiment.Label.ToString().ToLowerInvariant();
    var intents = signals is null || signals.Intents.Count == 0 ? "" : " " + string.Join(",", signals.Intents.Select(i => i.Label.ToString()).Distinct());
    var answer = signals?.NeedsResponse == true ? " needs-answer" : "";
    var watch = showWatch ? $"[{mention.Watch.Name}] " : "";
    return string.Create(
        CultureInfo.InvariantCulture,
        $"{post.CreatedAt:MM-dd HH:mm} {watch}{post.Source}/@{post.Author.Handle}: {TextLayout.Shorten(post.Text, 70)}  ({tone}{intents}{answer})");
}

// Source items are positioned "line N": order them by N, so line 551 comes before line 2785.
static long LineNumber(DeadLetter letter) =>
    letter.Position.StartsWith("line ", StringComparison.Ordinal) && long.TryParse(letter.Position.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
        ? line
        : long.MaxValue;
