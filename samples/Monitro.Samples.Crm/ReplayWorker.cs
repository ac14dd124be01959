using System.Text.Json;
using Monitro.Alerting;
using Monitro.Alerting.Delivery;
using Monitro.Events;

namespace Monitro.Samples.Crm;

/// <summary>
/// A Monitro pipeline in the same process: replays the quick start's posts against its watches, and sends every
/// alert to the CRM as signed CRM events. Contact ids come from the CRM's own database, for the events and, through
/// <see cref="CrmContactResolver"/>, for Monitro's relationship scoring.
/// </summary>
public static class ReplayWorker
{
    /// <summary>Runs the replay to its end and returns how many mentions were found.</summary>
    public static async Task<int> RunAsync(Uri crm, CrmSettings settings, CrmDatabase database, string postsPath, string watchesPath, CancellationToken cancellationToken = default)
    {
        var watches = JsonSerializer.Deserialize(await File.ReadAllTextAsync(watchesPath, cancellationToken), MonitroJsonContext.Default.ListWatchDefinition)!;
        using var http = new HttpClient();
        var services = new ServiceCollection();
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
            .AddJsonLinesReplay("quickstart", postsPath)
            .AddSink(provider => new CrmEventSink(
                new WebhookAlertSink(http, new WebhookAlertSinkOptions { Endpoint = new Uri(crm, "/hooks/monitro"), Secret = settings.Secret }, provider.GetRequiredService<TimeProvider>()),
                author => database.ContactIdOf(author.IdentityKey)));
        services.AddSingleton<IContactResolver>(new CrmContactResolver(database));
        services.Configure<AlertingOptions>(options =>
        {
            // Every mention becomes a timeline activity; a daily digest and spike alerts come on top.
            options.RaiseRetractionAlerts = true;
            options.Rules.Add(new AlertRuleOptions { Name = "timeline" });
            options.Rules.Add(new AlertRuleOptions { Name = "daily-digest", Mode = AlertMode.Digest, Period = DigestPeriod.Daily });
            options.Rules.Add(new AlertRuleOptions { Name = "spikes", Mode = AlertMode.Spike });
        });

        await using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<MentionMonitor>();
        var mentions = 0;
        await foreach (var mention in monitor.ListenAsync(cancellationToken))
        {
            mentions++;
        }

        return mentions;
    }
}
