namespace Monitro;

/// <summary>What was read from a mention's post: sentiment, intents and whether it needs an answer.</summary>
public sealed record MentionSignals
{
    /// <summary>Gets the sentiment of the post.</summary>
    public required SentimentScore Sentiment { get; init; }

    /// <summary>Gets the intents found in the post, each with the phrase that fired it.</summary>
    public IReadOnlyList<IntentHit> Intents { get; init; } = [];

    /// <summary>Gets a value indicating whether the post needs an answer from the company (a question, complaint, churn risk, purchase intent, or a post addressed to one of its accounts).</summary>
    public bool NeedsResponse { get; init; }
}
