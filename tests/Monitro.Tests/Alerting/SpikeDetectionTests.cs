using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting;
using static Monitro.Tests.Alerting.AlertTestData;

namespace Monitro.Tests.Alerting;

public sealed class SpikeDetectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Feeds one count per hour (with that many negative) and returns every spike alert raised, by batch or by check.</summary>
    private static List<Alert> Run(List<int> hourly, Action<AlertRuleOptions>? configure = null, Func<int, int, Mention>? make = null, int[]? negatives = null)
    {
        var options = Options(Rule("spikes", AlertMode.Spike, configure));
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(options), new FakeTimeProvider(Start));
        var alerts = new List<Alert>();
        for (var hour = 0; hour < hourly.Count; hour++)
        {
            var at = Start.AddHours(hour).AddMinutes(10);
            var negative = negatives?[hour] ?? 0;
            var mentions = Enumerable.Range(0, hourly[hour])
                .Select(i => make?.Invoke(hour, i) ?? Mention(
                    text: "acme post " + hour,
                    handle: $"user{i % 7}@example.social",
                    sentiment: i < negative ? SentimentLabel.Negative : SentimentLabel.Neutral))
                .ToArray();
            alerts.AddRange(router.Route(mentions, [], at));
            alerts.AddRange(router.CollectDue(at.AddMinutes(40)));
        }

        return alerts;
    }

    private static List<int> Noise(int hours, int seed = 7)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, hours).Select(_ => random.Next(14, 27))];
    }

    [Fact]
    public void Spike_RealSpike_AlertsOnceWithKeyAndWhatDroveIt()
    {
        var series = Noise(12);
        series.AddRange([90, 95, 20, 18]);

        var alerts = Run(series, make: (hour, i) => hour >= 12 && hour <= 13
            ? Mention(text: "acme checkout broken " + i, handle: i % 2 == 0 ? "angry@example.social" : $"u{i}@example.social", followers: i)
            : Mention(text: "acme daily chatter"));

        var spike = Assert.Single(alerts);
        Assert.Equal(AlertKinds.Spike, spike.Kind);
        Assert.Equal("spike|acme|2026-11-01T12:00:00.0000000+00:00", spike.IdempotencyKey);
        Assert.Equal("volume", spike.Spike!.Metric);
        Assert.Equal(90, spike.Spike.Observed);
        Assert.True(spike.Spike.Observed > spike.Spike.Threshold);
        Assert.Equal(12, spike.Spike.BaselineWindows);
        Assert.Equal(["broken", "checkout"], spike.Spike.Summary.TopTerms.Take(2).Select(t => t.Key).Order());
        Assert.Equal("mastodon:angry@example.social", spike.Spike.Summary.TopPeople[0].Key);
        Assert.Equal(45, spike.Spike.Summary.TopPeople[0].Count);
        Assert.Equal(89, spike.Spike.Summary.TopPosts[0].Post.Author.Followers);
    }

    [Fact]
    public void Spike_Noise_NeverAlerts()
    {
        Assert.Empty(Run(Noise(72, seed: 11)));
    }

    [Fact]
    public void Spike_SlowRise_NeverAlerts()
    {
        Assert.Empty(Run([.. Enumerable.Range(0, 36).Select(hour => 10 + (2 * hour))]));
    }

    [Fact]
    public void Spike_BelowMinimumCount_DoesNotAlertButDoesWithALowerMinimum()
    {
        var series = new List<int> { 1, 0, 1, 2, 0, 1, 1, 0, 1, 2, 1, 0, 8, 1 };

        Assert.Empty(Run(series));
        Assert.Single(Run(series, r => r.MinimumCount = 5));
    }

    [Fact]
    public void Spike_WithoutEnoughHistory_DoesNotAlert()
    {
        Assert.Empty(Run([0, 0, 0, 0, 200]));
        Assert.Single(Run([0, 0, 0, 0, 0, 0, 0, 200]));
    }

    [Fact]
    public void Spike_SecondSpikeWithinCooldown_IsSuppressedAndOneAfterItAlerts()
    {
        var series = Noise(12);
        series.AddRange([80, 150]);
        series.AddRange(Noise(12, seed: 3));
        series.Add(80);

        var alerts = Run(series);
        Assert.Equal(["spike|acme|2026-11-01T12:00:00.0000000+00:00", "spike|acme|2026-11-02T02:00:00.0000000+00:00"], alerts.Select(a => a.IdempotencyKey));

        var withoutCooldown = Run(series, r => r.Cooldown = TimeSpan.Zero);
        Assert.Contains(withoutCooldown, a => a.IdempotencyKey == "spike|acme|2026-11-01T13:00:00.0000000+00:00");
    }

    [Fact]
    public void Spike_NegativeShareJump_AlertsAsNegativeShare()
    {
        var series = Noise(12);
        series.Add(22);
        var negatives = series.Select((_, hour) => hour < 12 ? 2 : 15).ToArray();

        var spike = Assert.Single(Run(series, negatives: negatives));

        Assert.Equal("negative-share", spike.Spike!.Metric);
        Assert.Equal(15.0 / 22, spike.Spike.Observed, 6);
        Assert.Equal(15, spike.Spike.Summary.Negative);
        Assert.Empty(Run(series, r => r.DetectNegativeShare = false, negatives: negatives));
    }

    [Fact]
    public void Spike_DayAgainstFourteenDays_UsesDailyWindows()
    {
        var random = new Random(5);
        var daily = Enumerable.Range(0, 15).Select(day => day < 14 ? random.Next(40, 61) : 300).ToArray();
        var options = Options(Rule("daily-spikes", AlertMode.Spike, r => { r.SpikeWindow = TimeSpan.FromDays(1); r.BaselineWindows = 14; }));
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(options), new FakeTimeProvider(Start));
        var alerts = new List<Alert>();
        for (var day = 0; day < daily.Length; day++)
        {
            alerts.AddRange(router.Route([.. Enumerable.Range(0, daily[day]).Select(_ => Mention())], [], Start.AddDays(day).AddHours(9)));
        }

        Assert.Equal("spike|acme|2026-11-15T00:00:00.0000000+00:00", Assert.Single(alerts).IdempotencyKey);
    }

    [Fact]
    public void Spike_SeriesPerWatch_AQuietWatchDoesNotAlertForALoudOne()
    {
        var options = Options(Rule("spikes", AlertMode.Spike));
        var router = new AlertRouter(new ChangingOptionsMonitor<AlertingOptions>(options), new FakeTimeProvider(Start));
        var alerts = new List<Alert>();
        for (var hour = 0; hour < 13; hour++)
        {
            var at = Start.AddHours(hour);
            var acme = Enumerable.Range(0, hour == 12 ? 100 : 20).Select(_ => Mention());
            var rival = Enumerable.Range(0, 20).Select(_ => Mention(Rival, text: "rival"));
            alerts.AddRange(router.Route([.. acme, .. rival], [], at));
        }

        Assert.Equal("acme", Assert.Single(alerts).Spike!.Summary.Watch.Name);
    }
}
