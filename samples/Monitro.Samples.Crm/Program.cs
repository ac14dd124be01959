// The sample CRM: receives Monitro's signed CRM events on /hooks/monitro and shows contacts, timelines, cases and alerts,
// with the Monitro dashboard at /monitro, all behind a sign-in with the CRM's access token.
// `--replay` also runs a Monitro pipeline in this process on the quick start's bundled posts, posting to the CRM.
using System.Security.Cryptography;
using Monitro.Samples.Crm;
using Monitro.Samples.Crm.Access;
using Monitro.Samples.Crm.Data;
using Monitro.Samples.Crm.Replay;

// No secret in the repository: the one configured, or a new one for this run only (the replay in this process
// signs with it; an outside Monitro needs the configured one).
var secret = Environment.GetEnvironmentVariable("MONITRO_WEBHOOK_SECRET");
if (string.IsNullOrEmpty(secret))
{
    secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    Console.WriteLine($"MONITRO_WEBHOOK_SECRET is not set; this run uses a new secret: {secret}");
}

// The pages and the dashboard open to whoever holds the access token: the one configured, or a new one for this run.
var accessToken = Environment.GetEnvironmentVariable("CRM_ACCESS_TOKEN");
if (string.IsNullOrEmpty(accessToken))
{
    accessToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

var settings = new CrmSettings
{
    DatabasePath = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), "monitro-sample-crm.db"),
    Url = new Uri(Option(args, "--url") ?? "http://127.0.0.1:5080"),
    Secret = secret,
    AccessToken = accessToken,
    OwnIdentityKeys = ReplayWorker.OwnIdentityKeys,
};
(WebApplication App, Uri Address) started;
try
{
    started = await CrmApp.StartAsync(settings);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Environment.ExitCode = 2;
    return;
}

var (app, address) = started;
Console.WriteLine($"Sample CRM on {address} (database {settings.DatabasePath}); Monitro posts to {new Uri(address, "/hooks/monitro")}");
Console.WriteLine($"Sign in with this link (it holds the access token): {CrmAccess.SignInLink(address, accessToken)}");

if (args.Contains("--replay"))
{
    var database = app.Services.GetRequiredService<CrmDatabase>();
    var data = Path.Combine(AppContext.BaseDirectory, "Data");
    Console.WriteLine("Replaying the bundled posts through Monitro into the CRM…");
    var mentions = await ReplayWorker.RunAsync(
        address, settings, database, Path.Combine(data, "posts.jsonl"), Path.Combine(data, "watches.json"), app.Services.GetRequiredService<MonitroLink>());
    Console.WriteLine(
        $"Replay done: {mentions} mentions; the CRM has {database.Count("contacts")} contacts ({database.Count("relationships")} scored), {database.Count("activities")} activities, " +
        $"{database.Count("cases")} open cases, {database.Count("alerts")} digests, spikes and relationship alerts. Open the sign-in link above; the Monitro dashboard is at {new Uri(address, CrmApp.DashboardPath + "/")} (Ctrl+C stops).");
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
