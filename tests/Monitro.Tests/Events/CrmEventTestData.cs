using Monitro.Tests.Alerting;

namespace Monitro.Tests.Events;

/// <summary>Alerts of every kind, for the event tests.</summary>
internal static class CrmEventTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    public static Alert Complaint()
    {
        var mention = AlertTestData.Mention(text: "acme lost my order again", sentiment: SentimentLabel.Negative, compound: -0.7, intents: [IntentLabel.Complaint], followers: 310);
        return Alert.ForMention(mention with { Post = mention.Post with { Url = new Uri("https://example.social/@jane/1") } }, Now);
    }

    public static Alert Praise() => Alert.ForMention(AlertTestData.Mention(text: "acme is great", sentiment: SentimentLabel.Positive, compound: 0.8, intents: [IntentLabel.Praise], handle: "sam@example.social"), Now);

    public static Alert Retraction() => new() { IdempotencyKey = "retracted|mastodon:9", Kind = AlertKinds.MentionRetracted, RaisedAt = Now, Title = "withdrawn", RetractedPostId = "mastodon:9" };

    public static Alert Relationship() => new()
    {
        IdempotencyKey = "relationship|mastodon:jane@example.social|new-detractor",
        Kind = "relationship.new-detractor",
        RaisedAt = Now,
        Title = "@jane turned detractor",
        Mention = AlertTestData.Mention(),
    };

    public static Alert Item() => Alert.ForItem(
        AlertKinds.ItemResolved,
        new InboxItem
        {
            Id = "mastodon:1",
            PersonId = "mastodon:jane@example.social",
            Source = "mastodon",
            ThreadId = "mastodon:1",
            Kind = InboxItemKind.Complaint,
            Signals = [IntentLabel.Complaint, IntentLabel.ChurnRisk],
            CreatedAt = Now.AddHours(-2),
            DueAt = Now.AddHours(-1),
            State = InboxItemState.Resolved,
            Assignee = "agent-7",
            AnsweredByPostId = "mastodon:2",
            AnsweredAt = Now.AddMinutes(-30),
            Version = 3,
            UpdatedAt = Now,
        },
        Now);

    public static Alert Digest() => new()
    {
        IdempotencyKey = "digest|daily|2026-11-01T00:00:00.0000000+00:00",
        Kind = AlertKinds.Digest,
        RaisedAt = Now,
        Title = "digest",
        Rule = "daily",
        Digest = new AlertDigest
        {
            WindowStart = Now.AddDays(-1),
            WindowEnd = Now,
            Watches =
            [
                new WatchSummary
                {
                    Watch = AlertTestData.Brand,
                    Mentions = 3,
                    Negative = 1,
                    TopPosts = [AlertTestData.Mention()],
                    TopPeople = [new RankedCount("mastodon:jane@example.social", "@jane@example.social", 2)],
                    TopTerms = [new RankedCount("outage", "outage", 2)],
                },
            ],
        },
    };

    public static Alert Spike() => new()
    {
        IdempotencyKey = "spike|acme|2026-11-02T09:00:00.0000000+00:00",
        Kind = AlertKinds.Spike,
        RaisedAt = Now,
        Title = "spike",
        Rule = "spikes",
        Spike = new AlertSpike
        {
            WindowStart = Now.AddMinutes(-30),
            Metric = "volume",
            Observed = 90,
            BaselineMean = 20,
            BaselineStandardDeviation = 3,
            Threshold = 29,
            BaselineWindows = 12,
            Summary = new WatchSummary { Watch = AlertTestData.Brand, Mentions = 90 },
        },
    };

    public static IEnumerable<Alert> All() => [Complaint(), Praise(), Retraction(), Relationship(), Digest(), Spike(), Item()];
}
