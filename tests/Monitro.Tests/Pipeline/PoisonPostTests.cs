using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Monitro.Testing;

namespace Monitro.Tests.Pipeline;

/// <summary>A post that makes a stage throw is dead-lettered with the stage and the reason; the pipeline goes on.</summary>
public sealed class PoisonPostTests : IDisposable
{
    private const string PoisonText = "post 13 talks about Acme and poison";
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("match")]
    [InlineData("enrich")]
    [InlineData("relate")]
    public async Task RunAsync_StageThrowsOnOnePost_OthersCommittedPoisonDeadLetteredRestartDoesNotFail(string stage)
    {
        var posts = TestPosts.Numbered(30);
        posts[12] = posts[12] with { Text = PoisonText };
        var store = new InMemoryMonitroStore();

        var firstRun = await RunAsync(store, posts, stage);

        // A post whose relationship recording throws keeps its mention; only its interaction is left out.
        var kept = stage == "relate" ? 30 : 29;
        Assert.Equal(kept, firstRun.Count);
        Assert.Equal(kept, store.Mentions.Count);
        Assert.Equal(stage == "relate", firstRun.Any(m => m.Post.Id == posts[12].Id));
        var dead = Assert.Single(store.DeadLetters);
        Assert.Equal(posts[12].Id, dead.Position);
        Assert.Equal("memory", dead.SourceName);
        Assert.StartsWith($"{stage} failed: InvalidOperationException: poisoned", dead.Reason, StringComparison.Ordinal);
        Assert.Equal("30", (await store.GetCheckpointAsync("memory"))!.Value);

        // The checkpoint is past the poisoned post, so a restart neither reads it again nor fails on it.
        var secondRun = await RunAsync(store, posts, stage);

        Assert.Empty(secondRun);
        Assert.Single(store.DeadLetters);
    }

    [Fact]
    public async Task RunAsync_JsonLinesPostWithoutEntitiesOnAPlatformWithAnOwnAccount_IsReadAndMatched()
    {
        var path = _folder.File("posts.jsonl");
        await File.WriteAllLinesAsync(path, [
            "{\"id\":\"mastodon:1\",\"source\":\"mastodon\",\"author\":{\"platform\":\"mastodon\",\"handle\":\"jane@example.social\"},\"text\":\"acme is great\",\"createdAt\":\"2026-11-01T00:00:00Z\"}",
            "{\"id\":\"mastodon:2\",\"source\":\"mastodon\",\"author\":{\"platform\":\"mastodon\",\"handle\":\"joe@example.social\"},\"text\":\"acme again\",\"createdAt\":\"2026-11-01T00:01:00Z\",\"entities\":{\"mentions\":[\"acme@example.social\"]}}",
        ]);
        await using var provider = MonitroTestHost.Build(b => b.AddOwnAccount("mastodon", "acme@example.social").AddJsonLinesReplay("archive", path));

        var mentions = await provider.GetRequiredService<MentionMonitor>().ListenAllAsync();

        Assert.Equal(["mastodon:1", "mastodon:2"], mentions.Select(m => m.Post.Id));
        Assert.Empty(provider.GetRequiredService<InMemoryMonitroStore>().DeadLetters);
    }

    [Fact]
    public async Task RunAsync_SourceReachesItsEnd_SaysSoOnceAfterItsLastBatchIsCommitted()
    {
        await using var provider = MonitroTestHost.Build(b => b.AddSource(new InMemorySource("memory", TestPosts.Numbered(40), batchSize: 5)));

        await provider.GetRequiredService<MentionMonitor>().RunAsync();

        var messages = provider.GetRequiredService<FakeLogCollector>().GetSnapshot().Select(r => r.Message).ToList();
        var end = Assert.Single(messages, m => m == "Source memory reached its end");
        var lastCommit = messages.FindLastIndex(m => m.StartsWith("Committed a batch from memory", StringComparison.Ordinal));
        // Batches already waiting are committed together, so the commits hold the 40 posts in one to eight batches.
        var read = messages.Where(m => m.StartsWith("Committed a batch from memory", StringComparison.Ordinal))
            .Sum(m => int.Parse(m.Split(": ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(40, read);
        Assert.True(messages.IndexOf(end) > lastCommit, "the end was logged before the last batch was committed");
    }

    private static async Task<List<Mention>> RunAsync(InMemoryMonitroStore store, List<Post> posts, string stage)
    {
        await using var provider = MonitroTestHost.Build(b =>
        {
            b.Services.AddSingleton<IMonitroStore>(store);
            b.Services.AddSingleton<IAlertOutbox>(store);
            switch (stage)
            {
                case "match":
                    b.Services.AddSingleton<IMentionMatcher>(new PoisonedMatcher(new MentionMatcher()));
                    break;
                case "enrich":
                    b.Services.AddSingleton<ISentimentAnalyzer>(new PoisonedSentiment());
                    break;
                default:
                    b.Services.AddSingleton<IRelationshipScorer>(new PoisonedScorer());
                    break;
            }

            b.AddSource(new InMemorySource("memory", posts, batchSize: 7));
        });
        return await provider.GetRequiredService<MentionMonitor>().ListenAllAsync();
    }

    private static InvalidOperationException Poisoned() => new("poisoned");

    private sealed class PoisonedMatcher(IMentionMatcher inner) : IMentionMatcher
    {
        public IReadOnlyCollection<Watch> Watches => inner.Watches;

        public void AddWatch(Watch watch) => inner.AddWatch(watch);

        public bool RemoveWatch(string name) => inner.RemoveWatch(name);

        public IReadOnlyList<Mention> Match(Post post) => post.Text == PoisonText ? throw Poisoned() : inner.Match(post);
    }

    private sealed class PoisonedSentiment : ISentimentAnalyzer
    {
        public SentimentScore Analyze(string text, string? language = null) => text == PoisonText ? throw Poisoned() : SentimentScore.Unknown;
    }

    private sealed class PoisonedScorer : IRelationshipScorer
    {
        public void Record(Interaction interaction, Author person)
        {
            if (interaction.PostId == "mastodon:p13")
            {
                throw Poisoned();
            }
        }

        public RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf) => null;

        public IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf) => [];
    }
}
