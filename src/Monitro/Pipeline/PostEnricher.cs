using System.Runtime.CompilerServices;
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

    // Once per matched post: compiled optimized at once, since on a one-core host the runtime leaves it unoptimized for most of a stream.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public MentionSignals Enrich(Post post)
    {
        // The language of an untagged post is detected once, here, and both analyzers read the post in it.
        var language = _sentiment is null && _intents is null
            ? TextLanguage.FromTag(post.Language)
            : LanguageDetector.Shared.Read(post.Text, post.Language);
        var sentiment = _sentiment?.Analyze(post.Text, language) ?? SentimentScore.Unknown;
        // The intent detector sees whom the post mentions and which of them are our accounts: a friend's plain handle is
        // then no company being addressed.
        var intents = _intents?.Detect(post.Text, language, new IntentContext { Mentions = post.Entities.Mentions, CompanyAccounts = _ownAccounts.HandlesOn(post.Source) }) ?? [];
        return new MentionSignals
        {
            Sentiment = sentiment,
            Intents = intents,
            NeedsResponse = IntentTriage.NeedsResponse(intents) || _ownAccounts.IsAddressedToUs(post),
        };
    }
}
