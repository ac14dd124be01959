using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting;
using static Monitro.Tests.Alerting.AlertTestData;

namespace Monitro.Tests.Alerting;

public sealed class AlertRouterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Route_NoRules_EveryMentionIsOneImmediateAlertKeyedByWatchAndPost()
    {
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(new AlertingOptions()), new FakeTimeProvider(Start));
        var mentions = new[] { Mention(), Mention(Rival) };

        var alerts = router.Route(mentions, [], Start);

        Assert.Equal(mentions.Select(m => m.Id), alerts.Select(a => a.IdempotencyKey));
        Assert.All(alerts, alert => Assert.Equal(AlertKinds.Mention, alert.Kind));
        Assert.Empty(router.CollectDue(Start.AddDays(2)));
    }

    [Fact]
    public void Route_ImmediateRule_SendsOnlyWhatItTakesOnceEvenWhenTwoRulesTakeIt()
    {
        var options = Options(
            Rule("complaints", configure: r => r.Intents.Add(IntentLabel.Complaint)),
            Rule("negative", configure: r => r.Sentiments.Add(SentimentLabel.Negative)));
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(options), new FakeTimeProvider(Start));
        var complaint = Mention(sentiment: SentimentLabel.Negative, intents: [IntentLabel.Complaint]);

        var alerts = router.Route([complaint, Mention()], [], Start);

        var alert = Assert.Single(alerts);
        Assert.Equal(complaint.Id, alert.IdempotencyKey);
        Assert.Equal("complaints", alert.Rule);
    }

    [Fact]
    public void Route_Retractions_RaiseAlertsOnlyWhenAskedFor()
    {
        var quiet = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(new AlertingOptions()), new FakeTimeProvider(Start));
        Assert.Empty(quiet.Route([], ["mastodon:1"], Start));

        var options = new AlertingOptions { RaiseRetractionAlerts = true };
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(options), new FakeTimeProvider(Start));
        var alert = Assert.Single(router.Route([], ["mastodon:1"], Start));
        Assert.Equal("retracted|mastodon:1", alert.IdempotencyKey);
        Assert.Equal(AlertKinds.MentionRetracted, alert.Kind);
        Assert.Equal("mastodon:1", alert.RetractedPostId);
    }

    [Fact]
    public void Route_RelationshipAlerts_GoThroughTheSameRules()
    {
        var options = Options(Rule("people", configure: r => r.Kinds.Add("relationship.*")));
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(options), new FakeTimeProvider(Start), roleOf: _ => "detractor");
        var transition = new Alert { IdempotencyKey = "relationship|jane|new-detractor", Kind = "relationship.new-detractor", RaisedAt = Start, Title = "Jane turned detractor" };

        var alerts = router.Route([transition, Alert.ForMention(Mention(), Start)], Start);

        Assert.Equal(transition.IdempotencyKey, Assert.Single(alerts).IdempotencyKey);
    }

    [Fact]
    public void CollectDue_HourlyDigest_ClosesAfterTheHourWithCountsTopPostsAndPeopleGroupedByWatch()
    {
        var time = new FakeTimeProvider(Start.AddMinutes(5));
        var options = Options(Rule("hourly", AlertMode.Digest, r => r.TopCount = 2));
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(options), time);

        var loud = Mention(text: "acme outage again", followers: 90_000, handle: "loud@example.social", sentiment: SentimentLabel.Negative);
        var routed = router.Route(
            [
                loud,
                Mention(text: "acme outage today", handle: "jane@example.social"),
                Mention(text: "acme works", handle: "jane@example.social", sentiment: SentimentLabel.Positive),
                Mention(Rival, text: "rival launch"),
            ],
            [],
            time.GetUtcNow());
        Assert.Empty(routed);

        Assert.Empty(router.CollectDue(Start.AddMinutes(59)));
        var digest = Assert.Single(router.CollectDue(Start.AddHours(1)));
        Assert.Empty(router.CollectDue(Start.AddHours(1)));

        Assert.Equal(AlertKinds.Digest, digest.Kind);
        Assert.Equal("digest|hourly|2026-11-01T12:00:00.0000000+00:00", digest.IdempotencyKey);
        Assert.Equal(Start, digest.Digest!.WindowStart);
        Assert.Equal(Start.AddHours(1), digest.Digest.WindowEnd);
        Assert.Equal(["acme", "rival"], digest.Digest.Watches.Select(w => w.Watch.Name));
        var acme = digest.Digest.Watches[0];
        Assert.Equal((3, 1, 1), (acme.Mentions, acme.Negative, acme.Positive));
        Assert.Equal(2, acme.TopPosts.Count);
        Assert.Same(loud, acme.TopPosts[0]);
        Assert.Equal(new RankedCount("mastodon:jane@example.social", "@jane@example.social", 2), acme.TopPeople[0]);
        Assert.Equal(new RankedCount("outage", "outage", 2), acme.TopTerms[0]);
        Assert.DoesNotContain(acme.TopTerms, term => term.Key == "acme");
        Assert.Equal(1, digest.Digest.Watches[1].Mentions);
    }

    [Fact]
    public void CollectDue_DailyDigest_CoversTheUtcDayAndAnEmptyWindowSendsNothing()
    {
        var options = Options(Rule("daily", AlertMode.Digest, r => r.Period = DigestPeriod.Daily));
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(options), new FakeTimeProvider(Start));
        router.Route([Mention()], [], Start);
        router.Route([Mention()], [], Start.AddHours(11).AddMinutes(59));

        Assert.Empty(router.CollectDue(Start.AddHours(11)));
        var digest = Assert.Single(router.CollectDue(Start.AddHours(12)));
        Assert.Equal(2, digest.Digest!.Watches.Single().Mentions);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), digest.Digest.WindowStart);
        Assert.Empty(router.CollectDue(Start.AddDays(3)));
    }

    [Fact]
    public void CollectDue_DigestFilters_OnlyCountMentionsTheRuleTakes()
    {
        var options = Options(Rule("negative-digest", AlertMode.Digest, r => r.Sentiments.Add(SentimentLabel.Negative)));
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(options), new FakeTimeProvider(Start));
        router.Route([Mention(sentiment: SentimentLabel.Negative), Mention(), Mention(sentiment: SentimentLabel.Positive)], [], Start);

        var digest = Assert.Single(router.CollectDue(Start.AddHours(1)));
        Assert.Equal(1, digest.Digest!.Watches.Single().Mentions);
    }

    [Fact]
    public void OnChange_RulesChangedWhileRunning_NextBatchUsesTheNewRules()
    {
        var monitor = new ChangingOptionsMonitor<AlertingOptions>(new AlertingOptions());
        var router = new AlertRouter(monitor, new FakeTimeProvider(Start));
        Assert.Single(router.Route([Mention()], [], Start));

        monitor.Change(Options(Rule("competitors-only", configure: r => r.Categories.Add(WatchCategory.Competitor))));
        Assert.Equal(["competitors-only"], router.RuleNames);
        Assert.Empty(router.Route([Mention()], [], Start));
        Assert.Single(router.Route([Mention(Rival)], [], Start));

        monitor.Change(new AlertingOptions());
        Assert.Single(router.Route([Mention()], [], Start));
    }

    [Fact]
    public void OnChange_InvalidRules_KeepThePreviousRules()
    {
        var monitor = new ChangingOptionsMonitor<AlertingOptions>(Options(Rule("competitors-only", configure: r => r.Categories.Add(WatchCategory.Competitor))));
        var router = new AlertRouter(monitor, new FakeTimeProvider(Start));

        monitor.Change(Options(Rule(string.Empty)));

        Assert.Equal(["competitors-only"], router.RuleNames);
        Assert.Empty(router.Route([Mention()], [], Start));
    }

    [Fact]
    public void OnChange_DigestRuleKeptAcrossAChange_KeepsItsOpenWindow()
    {
        var digestRule = Rule("hourly", AlertMode.Digest);
        var monitor = new ChangingOptionsMonitor<AlertingOptions>(Options(digestRule));
        var router = new AlertRouter(monitor, new FakeTimeProvider(Start));
        router.Route([Mention()], [], Start);

        monitor.Change(Options(Rule("hourly", AlertMode.Digest), Rule("everything")));

        Assert.Equal(1, Assert.Single(router.CollectDue(Start.AddHours(1))).Digest!.Watches.Single().Mentions);
    }
}
