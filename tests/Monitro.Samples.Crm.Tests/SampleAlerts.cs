using Monitro.Testing;

namespace Monitro.Samples.Crm.Tests;

/// <summary>Mention alerts as Monitro raises them, for posting into the CRM.</summary>
internal static class SampleAlerts
{
    private static readonly Watch Brand = new() { Name = "Tidewell", Category = WatchCategory.Brand, Query = "tidewell" };

    public static Alert Mention(string nativeId, string handle, string displayName, string text, SentimentLabel label, double compound, params IntentLabel[] intents) =>
        Mention("mastodon", nativeId, handle, displayName, text, label, compound, intents);

    public static Alert Mention(string source, string nativeId, string handle, string displayName, string text, SentimentLabel label, double compound, params IntentLabel[] intents)
    {
        var post = TestPosts.Create(nativeId, text, handle: handle, source: source, createdAt: DateTimeOffset.UtcNow.AddMinutes(-5));
        var mention = new Mention
        {
            Post = post with { Author = post.Author with { DisplayName = displayName, Followers = 120 } },
            Watch = Brand,
            Signals = new MentionSignals
            {
                Sentiment = new SentimentScore(compound, label, 0.9),
                Intents = [.. intents.Select(intent => new IntentHit(intent, text, 0.8))],
            },
        };
        return Alert.ForMention(mention, DateTimeOffset.UtcNow);
    }

    public static Alert Complaint() =>
        Mention("101", "olga@example.social", "Olga Berg", "tidewell lost my whole board, this is broken <b>again</b>", SentimentLabel.Negative, -0.8, IntentLabel.Complaint);

    public static Alert Praise() =>
        Mention("102", "ravi@example.social", "Ravi Patel", "tidewell sync is lovely", SentimentLabel.Positive, 0.7, IntentLabel.Praise);
}
