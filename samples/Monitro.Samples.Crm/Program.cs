// The sample CRM: receives Monitro's signed CRM events on /hooks/monitro and lists contacts, timelines and cases on /.
// `--replay` also runs a Monitro pipeline in this process on the quick start's bundled posts, posting to the CRM.
using Monitro.Samples.Crm;

var settings = new CrmSettings
{
    DatabasePath = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), "monitro-sample-crm.db"),
    Url = new Uri(Option(args, "--url") ?? "http://127.0.0.1:5080"),
    Secret = Environment.GetEnvironmentVariable("MONITRO_WEBHOOK_SECRET") ?? new CrmSettings().Secret,
};
var (app, address) = await CrmApp.StartAsync(settings);
Console.WriteLine($"Sample CRM on {address} (database {settings.DatabasePath}); Monitro posts to {new Uri(address, "/hooks/monitro")}");

if (args.Contains("--replay"))
{
    var database = app.Services.GetRequiredService<CrmDatabase>();
    var data = Path.Combine(AppContext.BaseDirectory, "Data");
    Console.WriteLine("Replaying the bundled posts through Monitro into the CRM…");
    var mentions = await ReplayWorker.RunAsync(address, settings, database, Path.Combine(data, "posts.jsonl"), Path.Combine(data, "watches.json"));
    Console.WriteLine($"Replay done: {mentions} mentions; the CRM has {database.Count("contacts")} contacts, {database.Count("activities")} activities, {database.Count("cases")} open cases. Open {address} (Ctrl+C stops).");
    if (args.Contains("--exit"))
    {
        await app.StopAsync();
        return;
    }
}

await app.WaitForShutdownAsync();

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
