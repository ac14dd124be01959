using Monitro.Orleans.Alerting;

namespace Monitro.Orleans.Tests;

/// <summary>
/// The owner of a tenant's rules against a real SQLite store: two owners at once (as two activations of the tenant's
/// alert grain during a cluster change) send one digest, from the newer epoch, with every mention; a batch a lease reads
/// a second time keeps nothing pending, so no mention counts twice; after its first routing an owner reads only the
/// mentions waiting, not the open windows it holds in memory.
/// </summary>
public sealed class TenantAlertOwnerTests : IDisposable
{
    private readonly TestClusterStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task TwoOwnersAtOnce_OnlyTheNewerEpochCommits_OneDigestWithEveryMention()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var store = _stores.Tenant(TenantAlertPosts.Acme);
        var settings = Settings(static alerting => alerting.Rules.Add(new AlertRuleOptions { Name = "hourly", Mode = AlertMode.Digest }));
        var rules = TenantAlertRules.Fixed(settings);
        await StoreAsLeaseAsync(settings, store, 0, bound.Token);

        var older = rules.CreateOwner(TenantAlertPosts.Acme, store, TimeProvider.System);
        Assert.Equal(0, await older.RunAsync(TenantAlertPosts.Moments[0], collectDue: false, bound.Token));
        var newer = rules.CreateOwner(TenantAlertPosts.Acme, store, TimeProvider.System);
        Assert.Equal(0, await newer.RunAsync(TenantAlertPosts.Moments[1], collectDue: false, bound.Token));
        Assert.True(newer.Epoch > older.Epoch);

        // Both route the next batch and see the end of the hour; only the newer may commit what they raise.
        await StoreAsLeaseAsync(settings, store, 1, bound.Token);
        Assert.Null(await older.RunAsync(TenantAlertPosts.Moments[1], collectDue: false, bound.Token));
        Assert.Equal(0, await newer.RunAsync(TenantAlertPosts.Moments[1], collectDue: false, bound.Token));
        var end = TenantAlertPosts.Hour.AddHours(1);
        Assert.Null(await older.RunAsync(end, collectDue: true, bound.Token));
        Assert.Equal(1, await newer.RunAsync(end, collectDue: true, bound.Token));

        var delivered = await _stores.DispatchAsync(TenantAlertPosts.Acme, bound.Token);
        var digest = Assert.Single(delivered);
        Assert.Equal("digest|hourly|" + TenantAlertPosts.Hour.ToString("O", System.Globalization.CultureInfo.InvariantCulture), digest.IdempotencyKey);
        Assert.Equal(4, Assert.Single(digest.Digest!.Watches).Mentions);
        Assert.DoesNotContain(await store.GetAlertStateAsync(bound.Token), row => row.Scope.StartsWith(PendingMentions.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Routing_AfterTheFirst_ReadsOnlyTheMentionsWaiting_TheDigestStillHoldsEveryMention()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sqlite = _stores.Tenant(TenantAlertPosts.Acme);
        var store = new CountingAlertStateStore<Monitro.Storage.Sqlite.SqliteMonitroStore>(sqlite);
        var settings = Settings(static alerting => alerting.Rules.Add(new AlertRuleOptions { Name = "hourly", Mode = AlertMode.Digest }));
        var rules = TenantAlertRules.Fixed(settings);
        var owner = rules.CreateOwner(TenantAlertPosts.Acme, store, TimeProvider.System);

        var waiting = new List<int>();
        var read = new List<int>();
        for (var batch = 0; batch < TenantAlertPosts.Batches.Count; batch++)
        {
            var (_, pending) = await StoreAsLeaseAsync(settings, sqlite, batch, bound.Token);
            var before = store.RowsRead;
            Assert.Equal(0, await owner.RunAsync(TenantAlertPosts.Moments[batch], collectDue: false, bound.Token));
            waiting.Add(pending.Count);
            read.Add(store.RowsRead - before);
        }

        // The first routing restores from the whole state; each later one reads the mentions its batch left waiting and
        // nothing else, although the window in the store holds every earlier mention by then.
        Assert.Equal([3, 1, 6], waiting);
        Assert.Equal(1, store.WholeReads);
        Assert.Equal(waiting[1..], read[1..]);
        Assert.True((await sqlite.GetAlertStateAsync(bound.Token)).Count > waiting[^1] + waiting[^2]);

        // The hour ends: the digest the owner kept in memory holds every mention, and is sent once.
        Assert.Equal(1, await owner.RunAsync(TenantAlertPosts.Hour.AddHours(1), collectDue: true, bound.Token));
        var digest = Assert.Single(await _stores.DispatchAsync(TenantAlertPosts.Acme, bound.Token));
        Assert.Equal(10, Assert.Single(digest.Digest!.Watches).Mentions);

        // Memory lost (a new activation): the store is the truth again, read whole once, and the digest is not sent twice.
        var next = rules.CreateOwner(TenantAlertPosts.Acme, store, TimeProvider.System);
        Assert.Equal(0, await next.RunAsync(TenantAlertPosts.Hour.AddHours(1).AddMinutes(1), collectDue: true, bound.Token));
        Assert.Equal(2, store.WholeReads);
        Assert.Empty(await _stores.DispatchAsync(TenantAlertPosts.Acme, bound.Token));
    }

    [Fact]
    public async Task Handoff_BatchReadAgainAfterItsPostsWereStored_KeepsNothingPending_ATenantWithoutRulesGetsItsAlerts()
    {
        var store = _stores.Tenant(TenantAlertPosts.Acme);
        var settings = Settings(TenantAlertPosts.Rules);
        var mentions = MentionsOf(0);

        var (alerts, pending) = await StoreAsLeaseAsync(settings, store, 0, CancellationToken.None);
        Assert.Empty(alerts);
        Assert.Equal(mentions.Select(m => m.Id).Order(StringComparer.Ordinal), pending.Select(r => r.Item).Order(StringComparer.Ordinal));

        var again = await TenantAlertHandoff.PrepareAsync(TenantAlertRules.Fixed(settings), TenantAlertPosts.Acme, store, "cluster-alert-pending|social|2|0", mentions, [], null, TenantAlertPosts.Moments[0], CancellationToken.None);
        Assert.Empty(again.Alerts);
        Assert.Empty(again.Pending);

        var globex = await TenantAlertHandoff.PrepareAsync(TenantAlertRules.Fixed(settings), TenantAlertPosts.Globex, _stores.Tenant(TenantAlertPosts.Globex), "unused", mentions, [], null, TenantAlertPosts.Moments[0], CancellationToken.None);
        Assert.Equal(mentions.Select(m => m.Id), globex.Alerts.Select(a => a.IdempotencyKey));
        Assert.Empty(globex.Pending);
    }

    // What a lease commits for a tenant with rules: the batch's posts and mentions, and the new mentions kept pending.
    private static async Task<(List<Alert> Alerts, List<AlertStateRow> Pending)> StoreAsLeaseAsync(MonitroOrleansOptions settings, Monitro.Storage.Sqlite.SqliteMonitroStore store, int batch, CancellationToken cancellationToken)
    {
        var mentions = MentionsOf(batch);
        var handoff = await TenantAlertHandoff.PrepareAsync(TenantAlertRules.Fixed(settings), TenantAlertPosts.Acme, store, PendingMentions.ScopeOf("social", 1, batch), mentions, [], null, TenantAlertPosts.Moments[batch], cancellationToken);
        await store.CommitAsync(
            new BatchCommit
            {
                SourceName = "social",
                Posts = [.. mentions.Select(m => m.Post)],
                Mentions = mentions,
                Alerts = handoff.Alerts,
                AlertState = new AlertStateChanges { Saved = handoff.Pending },
            },
            cancellationToken);
        return handoff;
    }

    private static List<Mention> MentionsOf(int batch) =>
        [.. TenantAlertPosts.Batches[batch].Where(p => p.Text.Contains("acme", StringComparison.Ordinal)).Select(p => new Mention { Post = p, Watch = TenantAlertPosts.Brand })];

    private static MonitroOrleansOptions Settings(Action<AlertingOptions> configure)
    {
        var settings = new MonitroOrleansOptions();
        var acme = new MonitroTenantOptions();
        configure(acme.Alerting);
        settings.Tenants[TenantAlertPosts.Acme] = acme;
        return settings;
    }
}
