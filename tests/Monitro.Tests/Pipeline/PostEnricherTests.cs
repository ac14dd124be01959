using Monitro.Analysis;
using Monitro.Pipeline;

namespace Monitro.Tests.Pipeline;

public sealed class PostEnricherTests
{
    // Spanish without a tag, with an English complaint word ("scam") that the English rules would fire on.
    private const string UntaggedSpanish = "El servicio es un scam total, no funciona nada y nadie contesta";

    [Fact]
    public void Enrich_UntaggedPost_DetectsTheLanguageOnceForBothAnalyzers()
    {
        var sentiment = new RecordingSentiment();
        var intents = new RecordingIntents();
        var enricher = new PostEnricher(sentiment, intents, new OwnAccounts([]));

        enricher.Enrich(CreatePost(UntaggedSpanish, language: null));

        var read = Assert.Single(sentiment.Languages);
        Assert.True(read.IsDetected);
        Assert.Equal("es", read.Code);
        Assert.Equal(read, Assert.Single(intents.Languages));
    }

    [Fact]
    public void Enrich_TaggedPost_PassesTheTagWithoutDetecting()
    {
        var sentiment = new RecordingSentiment();
        var intents = new RecordingIntents();
        var enricher = new PostEnricher(sentiment, intents, new OwnAccounts([]));

        enricher.Enrich(CreatePost(UntaggedSpanish, language: "pt-BR"));

        Assert.Equal(TextLanguage.FromTag("pt-BR"), Assert.Single(sentiment.Languages));
        Assert.Equal(TextLanguage.FromTag("pt-BR"), Assert.Single(intents.Languages));
    }

    [Fact]
    public void Enrich_UntaggedPostInAnotherLanguage_IsNotReadWithTheEnglishIntentRules()
    {
        var detector = new RuleIntentDetector();
        var enricher = new PostEnricher(new LexiconSentimentAnalyzer(), detector, new OwnAccounts([]));

        var signals = enricher.Enrich(CreatePost(UntaggedSpanish, language: null));

        // Read directly without a language, the post is English to the detector, and "scam" makes it a complaint;
        // read as Spanish, only the Spanish phrase does.
        Assert.Contains(detector.Detect(UntaggedSpanish), hit => hit.Label == IntentLabel.Complaint);
        Assert.Equal("no funciona", Assert.Single(signals.Intents, hit => hit.Label == IntentLabel.Complaint).Phrase);
        Assert.Equal(SentimentLabel.Negative, signals.Sentiment.Label);
        Assert.True(signals.Sentiment.Confidence > LexiconSentimentAnalyzer.UncertainLanguageConfidence);
    }

    [Fact]
    public void Enrich_TroubleToldToAFriendWithAPlainHandle_IsNoComplaint()
    {
        const string text = "@chrisdee the power's out in our whole road again";
        var detector = new RuleIntentDetector();
        var enricher = new PostEnricher(new LexiconSentimentAnalyzer(), detector, new OwnAccounts(["test:emberline"]));

        var signals = enricher.Enrich(CreatePost(text, "en", mentions: ["chrisdee"]));

        // The text alone cannot tell the friend from a company with a plain handle; the post's context can.
        Assert.Contains(detector.Detect(text, "en"), hit => hit.Label == IntentLabel.Complaint);
        Assert.DoesNotContain(signals.Intents, hit => hit.Label == IntentLabel.Complaint);
    }

    [Fact]
    public void Enrich_TroubleToldToOurOwnPlainHandle_IsAComplaint()
    {
        var enricher = new PostEnricher(new LexiconSentimentAnalyzer(), new RuleIntentDetector(), new OwnAccounts(["test:emberline"]));

        var signals = enricher.Enrich(CreatePost("@emberline the power's out in our whole road again", "en", mentions: ["emberline"]));

        Assert.Contains(signals.Intents, hit => hit.Label == IntentLabel.Complaint);
        Assert.True(signals.NeedsResponse);
    }

    private static Post CreatePost(string text, string? language, IReadOnlyList<string>? mentions = null) => new()
    {
        Id = "test:1",
        Source = "test",
        Author = new Author { Platform = "test", Handle = "someone" },
        Text = text,
        Language = language,
        CreatedAt = DateTimeOffset.UnixEpoch,
        Entities = new PostEntities { Mentions = mentions ?? [] },
    };

    private sealed class RecordingSentiment : ISentimentAnalyzer
    {
        public List<TextLanguage> Languages { get; } = [];

        public SentimentScore Analyze(string text, string? language = null) => throw new InvalidOperationException("The language read for the post must be passed.");

        public SentimentScore Analyze(string text, TextLanguage language)
        {
            Languages.Add(language);
            return SentimentScore.Unknown;
        }
    }

    private sealed class RecordingIntents : IIntentDetector
    {
        public List<TextLanguage> Languages { get; } = [];

        public IReadOnlyList<IntentHit> Detect(string text, string? language = null) => throw new InvalidOperationException("The language read for the post must be passed.");

        public IReadOnlyList<IntentHit> Detect(string text, TextLanguage language)
        {
            Languages.Add(language);
            return [];
        }
    }
}
