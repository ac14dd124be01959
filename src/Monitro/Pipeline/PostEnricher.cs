using Monitro.Analysis;

namespace Monitro.Pipeline;

/// <summary>Reads the signals of a post (sentiment, intents, whether it needs an answer) with the registered analyzers.</summary>
internal sealed class PostEnricher
{
    private readonly ISentimentAnalyzer? _sentiment;
    private readonly IIntentDetector? _intents;
    private readonly OwnAccounts _ownAccounts;

    public PostEnricher(ISentimentAnalyzer? sentiment, IIntentDetector? intents, OwnAccounts ownAccounts)
    {
        _sentiment = sentiment;
        _intents = intents;
        _ownAccounts = ownAccounts;
    }

    public MentionSignals Enrich(Post post)
    {
        var sentiment = _sentiment?.Analyze(post.Text, post.Language) ?? SentimentScore.Unknown;
        var intents = _intents?.Detect(post.Text, post.Language) ?? [];
        return new MentionSignals
        {
            Sentiment = sentiment,
            Intents = intents,
            NeedsResponse = IntentTriage.NeedsResponse(intents) || _ownAccounts.IsAddressedToUs(post),
        };
    }
}
