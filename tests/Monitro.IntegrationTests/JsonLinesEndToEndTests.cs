using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Monitro.Testing;

namespace Monitro.IntegrationTests;

/// <summary>Runs the whole engine over JSON Lines files and checks the mentions it finds.</summary>
public sealed class JsonLinesEndToEndTests : IDisposable
{
    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "Data");
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Engine_HandWrittenFile_FindsExactlyTheExpectedMentions()
    {
        var path = _folder.File("posts.jsonl");
        await File.WriteAllLinesAsync(path, [
            Line("1", "Acme support answered in five minutes, impressed"),
            Line("2", "hacmes are a kind of sandwich"),
            Line("3", "Switching from Globex to #AcmeCorp next month"),
            "{ not json",
            Line("4", "acme is hiring backend engineers"),
            Line("1", "Acme support answered in five minutes, impressed"),
            Line("5", "Globex pricing went up again"),
        ]);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddMonitro()
            .AddWatch("acme", WatchCategory.Brand, "acme -hiring")
            .AddWatch("globex", WatchCategory.Competitor, "globex")
            .AddJsonLinesReplay("file", path);
        await using var provider = services.BuildServiceProvider();

        var mentions = new List<Mention>();
        await foreach (var mention in provider.GetRequiredService<MentionMonitor>().ListenAsync())
        {
            mentions.Add(mention);
        }

        Assert.Equal(
            ["acme|rss:1", "acme|rss:3", "globex|rss:3", "globex|rss:5"],
            mentions.Select(m => m.Id).Order(StringComparer.Ordinal));
        var logs = provider.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Warning && r.Message.Contains("at line 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Engine_BundledDataSet_AgreesWithAWordSearchAndSkipsTheBrokenLines()
    {
        var watches = JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(DataFolder, "watches.json")), MonitroJsonContext.Default.ListWatchDefinition)!;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMonitro(o =>
        {
            foreach (var watch in watches)
            {
                o.Watches.Add(watch);
            }
        }).AddJsonLinesReplay("quickstart", Path.Combine(DataFolder, "posts.jsonl"));
        await using var provider = services.BuildServiceProvider();

        var mentions = new List<Mention>();
        await foreach (var mention in provider.GetRequiredService<MentionMonitor>().ListenAsync())
        {
            mentions.Add(mention);
        }

        var store = provider.GetRequiredService<InMemoryMonitroStore>();
        Assert.Equal(["line 551", "line 1684", "line 2785"], store.DeadLetters.Select(d => d.Position));
        Assert.Equal(mentions.Count, mentions.Select(m => m.Id).Distinct().Count());

        // A single-word watch must agree with a plain search of the same file: the word not touching other Latin
        // letters, except where a capital starts the next part of a camel-case hashtag (CJK text has no spaces);
        // words inside links do not count, links are matched with url: and site:.
        var expected = ReadPosts()
            .Where(p => Regex.IsMatch(Regex.Replace(p.Text, @"https?://\S+", " "), "(?<![A-Za-z0-9])(?i:stackmill)(?![a-z0-9])"))
            .Select(p => p.Id)
            .ToHashSet();
        var found = mentions.Where(m => m.Watch.Name == "Stackmill").Select(m => m.Post.Id).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<Post> ReadPosts()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(DataFolder, "posts.jsonl")))
        {
            Post? post;
            try
            {
                post = JsonSerializer.Deserialize(line, MonitroJsonContext.Default.Post);
            }
            catch (JsonException)
            {
                continue;
            }

            if (post is not null && seen.Add(post.Id))
            {
                yield return post;
            }
        }
    }

    private static string Line(string id, string text) =>
        JsonSerializer.Serialize(TestPosts.Create(id, text, source: "rss", handle: "news.example"), MonitroJsonContext.Default.Post);
}
