using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting;
using Monitro.Samples.Crm.Data;
using Monitro.Samples.Crm.Replies;
using Monitro.Samples.Shared;

namespace Monitro.Samples.Crm.Replay;

/// <summary>
/// A Monitro pipeline in the same process: replays the quick start's posts against its watches on a virtual clock
/// that follows the posts' times, and sends every alert to the CRM as signed CRM events. Contact ids come from the
/// CRM's own database, for the events and, through <see cref="CrmContactResolver"/>, for Monitro's relationship
/// scoring. The events carry each person's relationship scores and roles, which the CRM keeps on the contact.
/// </summary>
public static class ReplayWorker
{
    /// <summary>The company's own accounts in the bundled posts: their posts are answers, never cases.</summary>
    public static IReadOnlyList<(string Platform, string Handle)> OwnAccounts { get; } =
    [
        ("mastodon", "tidewell@mastodon.social"),
        ("mastodon", "tidewellhelp@mastodon.social"),
        ("bluesky", "tidewell.io"),
        ("reddit", "TidewellTeam"),
    ];

    /// <summary>
    /// Identities the CRM user knows are one person (same name, and they say so in their profiles); the bundled posts
    /// carry no verified profile links, so Monitro would not merge them by itself.
    /// </summary>
    public static IReadOnlyList<(string First, string Second)> KnownSamePeople { get; } =
    [
        ("bluesky:gabeito.work", "mastodon:gabe@social.coop"),
        ("bluesky:lenanakamura.bsky.social", "mastodon:lena_nakamura@toot.community"),
        ("bluesky:hugolefevre.bsky.social", "mastodon:hugo_lefevre@mastodon.social"),
    ];

    /// <summary>Gets the identity keys of <see cref="OwnAccounts"/>.</summary>
    public static IReadOnlySet<string> OwnIdentityKeys { get; } =
        OwnAccounts.Select(account => Author.CreateIdentityKey(account.Platform, account.Handle)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Runs the replay to its end and returns how many mentions were found.</summary>
    /// <param name="crm">The CRM's address.</param>
    /// <param name="settings">The CRM's settings (the webhook secret).</param>
    /// <param name="database">The CRM's database.</param>
    /// <param name="postsPath">The posts to replay.</param>
    /// <param name="watchesPath">The watches.</param>
    /// <param name="link">
    /// Where to leave the replay's Monitro for the CRM's pages (charts, inbox state, replies), which then keep it until
    /// the CRM stops; <see langword="null"/> to dispose it when the replay ends.
    /// </param>
    /// <param name="cancellationToken">A token that stops the replay.</param>
    public static async Task<int> RunAsync(
        Uri crm, CrmSettings settings, CrmDatabase database, string postsPath, string watchesPath, MonitroLink? link = null, CancellationToken cancellationToken = default)
    {
        var watches = JsonSerializer.Deserialize(await File.ReadAllTextAsync(watchesPath, cancellationToken), MonitroJsonContext.Default.ListWatchDefinition)!;
        var clock = new FakeTimeProvider(await ClockedReplaySource.FirstPostTimeAsync(postsPath, cancellationToken));
        using var http = new HttpClient();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        var monitro = services.AddMonitro(options =>
            {
                // The source hands over the next batch only once the last one is committed: a queue of one is enough.
                options.BatchQueueCapacity = 1;
                foreach (var watch in watches)
                {
                    options.Watches.Add(watch);
                }
            })
            .AddSource(provider => new ClockedReplaySource("quickstart", postsPath, clock, provider.GetRequiredService<IMonitroStore>(), (last, token) => FinishLastDayAsync(clock, database, last, token)))
            .AddSink(provider => new CrmEventSink(
                // Signed on the real clock: the CRM checks the timestamp against its own.
                new WebhookAlertSink(http, new WebhookAlertSinkOptions { Endpoint = new Uri(crm, "/hooks/monitro"), Secret = settings.Secret }, TimeProvider.System),
                // A person Monitro links to an identity the CRM knows joins that contact.
                author => database.ContactIdOfAny(LinkedIdentities(provider.GetRequiredService<IPersonDirectory>(), author.IdentityKey)),
                // The events about a person carry Monitro's relationship with them; the CRM keeps it on the contact.
                provider.GetRequiredService<IRelationshipScorer>()));
        foreach (var (platform, handle) in OwnAccounts)
        {
            monitro.AddOwnAccount(platform, handle);
        }

        // Replies from the CRM's cases go through Monitro's reply desk to publishers that post nowhere (see SampleOfflinePublisher).
        monitro.AddReplies(options =>
        {
            foreach (var account in SampleReplyAccounts.All.Where(account => account.NeedsApproval))
            {
                options.ApprovalRequired.Add(account.Account);
            }

            foreach (var (name, text) in SampleReplyAccounts.Templates)
            {
                options.Templates[name] = text;
            }
        });
        foreach (var account in SampleReplyAccounts.All)
        {
            services.AddSingleton<IReplyPublisher>(new SampleOfflinePublisher(account.Platform, account.Account, account.Limit, database, clock));
        }

        services.AddSingleton<IContactResolver>(new CrmContactResolver(database));
        services.Configure<RelationshipOptions>(options =>
        {
            foreach (var (first, second) in KnownSamePeople)
            {
                options.LinkedIdentities.Add(new IdentityLink { First = first, Second = second });
            }
        });
        services.Configure<AlertingOptions>(options =>
        {
            // Every mention becomes a timeline activity and every relationship change an alert; a daily digest and
            // spike alerts come on top.
            options.RaiseRetractionAlerts = true;
            var timeline = new AlertRuleOptions { Name = "timeline" };
            timeline.Kinds.Add(AlertKinds.Mention);
            timeline.Kinds.Add(AlertKinds.MentionRetracted);
            options.Rules.Add(timeline);
            var relationships = new AlertRuleOptions { Name = "relationships" };
            relationships.Kinds.Add(AlertKinds.RelationshipPrefix + "*");
            options.Rules.Add(relationships);
            options.Rules.Add(new AlertRuleOptions { Name = "daily-digest", Mode = AlertMode.Digest, Period = DigestPeriod.Daily });
            options.Rules.Add(new AlertRuleOptions { Name = "spikes", Mode = AlertMode.Spike });
        });

        ServiceProvider? provider = services.BuildServiceProvider();
        try
        {
            var monitor = provider.GetRequiredService<MentionMonitor>();
            var mentions = 0;
            await foreach (var mention in monitor.ListenAsync(cancellationToken))
            {
                mentions++;
            }

            if (link is not null)
            {
                link.Attach(provider);
                provider = null;
            }

            return mentions;
        }
        finally
        {
            if (provider is not null)
            {
                await provider.DisposeAsync();
            }
        }
    }

    /// <summary>The replay ends with the day of its last post: the clock moves past midnight so that day's digest closes, and the CRM gets it.</summary>
    private static async Task FinishLastDayAsync(FakeTimeProvider clock, CrmDatabase database, DateTimeOffset last, CancellationToken cancellationToken)
    {
        var dayStart = new DateTimeOffset(last.UtcDateTime.Date, TimeSpan.Zero);
        clock.SetUtcNow(dayStart.AddDays(1).AddMinutes(2));
        var digestEventId = "alert.raised|digest|daily-digest|" + dayStart.ToString("O", CultureInfo.InvariantCulture);

        // The digest scheduler runs on its own timer; wait (on the real clock, bounded) for its digest to arrive.
        for (var waited = 0; waited < 300 && !database.HasAlert(digestEventId); waited++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
        }
    }

    private static IEnumerable<string> LinkedIdentities(IPersonDirectory directory, string identityKey) =>
        directory.GetIdentities(directory.GetPersonId(identityKey)).Prepend(identityKey);
}
