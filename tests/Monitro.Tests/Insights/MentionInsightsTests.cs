
namespace Monitro.Tests.Insights;

public sealed class MentionInsightsTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Watch Acme = new() { Name = "acme", Category = WatchCategory.Brand, Query = "acme" };

    [Fact]
    public async Task GetSpikesAsync_HourAboveItsBaseline_IsASpikeWithItsDrivers()
    {
        var store = new InMemoryMonitroStore();
        var texts = new List<(int Minute, string Text)>();
        for (var hour = 0; hour < 24; hour++)
        {
            texts.Add((hour * 60, "acme shop visit"));
            texts.Add((hour * 60 + 30, "acme morning coffee"));
        }

        for (var i = 0; i < 12; i++)
        {
            texts.Add((24 * 60 + i, "acme outage again in paris"));
        }

        await CommitAsync(store, texts);
        var insights = new MentionInsights(store, store);

        var spikes = await insights.GetSpikesAsync(new SpikeQuery { Watch = Acme, Period = new(Epoch.AddHours(20), Epoch.AddHours(26)) });

        var spike = Assert.Single(spikes);
        Assert.Equal(("volume", Epoch.AddHours(24), 12.0, 2.0, 24), (spike.Metric, spike.WindowStart, spike.Observed, spike.BaselineMean, spike.BaselineWindows));
        Assert.Equal(12, spike.Summary.Mentions);
        Assert.Equal(["outage", "paris"], spike.Summary.TopTerms.Take(2).Select(t => t.Label).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(spike.Summary.TopTerms, t => t.Label == "acme");
    }

    [Fact]
    public async Task GetSpikesAsync_TooLittleHistory_FindsNone()
    {
        var store = new InMemoryMonitroStore();
        await CommitAsync(store, [.. Enumerable.Range(0, 12).Select(i => (24 * 60 + i, "acme outage"))]);

        var spikes = await new MentionInsights(store, store).GetSpikesAsync(new SpikeQuery { Watch = Acme, Period = new(Epoch.AddHours(24), Epoch.AddHours(25)) });

        Assert.Empty(spikes);
    }

    [Fact]
    public async Task SummarizeAsync_Period_CountsTopTermsAndPeopleOfItsMentionsOnly()
    {
        var store = new InMemoryMonitroStore();
        await CommitAsync(store, [(0, "acme battery drains"), (1, "acme battery hot"), (2, "acme screen"), (120, "acme unrelated later")]);

        var summary = await new MentionInsights(store, store).SummarizeAsync(Acme, new(Epoch, Epoch.AddHours(1)), top: 2);

        Assert.Equal(3, summary.Mentions);
        Assert.Equal(new RankedCount("battery", "battery", 2), summary.TopTerms[0]);
        Assert.Equal(2, summary.TopPeople.Count);
    }

    private static async Task CommitAsync(InMemoryMonitroStore store, IEnumerable<(int Minute, string Text)> texts)
    {
        var posts = texts.Select((t, i) => new Post
        {
            Id = Post.CreateId("mastodon", i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Source = "mastodon",
            Author = new Author { Platform = "mastodon", Handle = "user" + i },
            Text = t.Text,
            CreatedAt = Epoch.AddMinutes(t.Minute),
        }).ToArray();
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Posts = posts,
            Mentions = [.. posts.Select(p => new Mention { Post = p, Watch = Acme, Signals = new MentionSignals { Sentiment = SentimentScore.Unknown } })],
        });
    }
}
