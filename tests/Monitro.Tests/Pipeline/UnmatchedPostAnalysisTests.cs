using Microsoft.Extensions.DependencyInjection;
using Monitro.Testing;

namespace Monitro.Tests.Pipeline;

/// <summary>
/// Posts that match no watch (and belong to no conversation with us) are not stored, so nothing reads their
/// signals: the pipeline does not analyse them. Counted on the analyzers, since that is most of a stream's posts.
/// </summary>
public sealed class UnmatchedPostAnalysisTests
{
    [Fact]
    public async Task RunAsync_MostPostsMatchNothing_OnlyTheMatchedOnesAreAnalysed()
    {
        // Every fifth post talks about Acme; the other 32 match no watch.
        var posts = TestPosts.Numbered(40, matchEvery: 5);
        var sentiment = new CountingSentiment();
        var intents = new CountingIntents();
        await using var provider = MonitroTestHost.Build(
            b => b.AddSource(new InMemorySource("memory", posts, batchSize: 7)),
            services: s => s.AddSingleton<ISentimentAnalyzer>(sentiment).AddSingleton<IIntentDetector>(intents));

        var mentions = await provider.GetRequiredService<MentionMonitor>().ListenAllAsync();

        Assert.Equal(8, mentions.Count);
        Assert.Equal(mentions.Select(m => m.Post.Text).Order(StringComparer.Ordinal), sentiment.Texts.Order(StringComparer.Ordinal));
        Assert.Equal(8, intents.Calls);
        Assert.All(mentions, m => Assert.NotNull(m.Signals));
    }

    private sealed class CountingSentiment : ISentimentAnalyzer
    {
        public List<string> Texts { get; } = [];

        public SentimentScore Analyze(string text, string? language = null) => Analyze(text, TextLanguage.FromTag(language));

        public SentimentScore Analyze(string text, TextLanguage language)
        {
            lock (Texts)
            {
                Texts.Add(text);
            }

            return SentimentScore.Unknown;
        }
    }

    private sealed class CountingIntents : IIntentDetector
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public IReadOnlyList<IntentHit> Detect(string text, string? language = null)
        {
            Interlocked.Increment(ref _calls);
            return [];
        }
    }
}
