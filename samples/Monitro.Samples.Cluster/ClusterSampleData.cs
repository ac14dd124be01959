using System.Text.Json;
using Monitro.Orleans;

namespace Monitro.Samples.Cluster;

/// <summary>
/// The bundled data of the quick start, split across three tenants: the posts are one source read once for all of
/// them, and each tenant owns a share of the watches. Also what every tenant must end with.
/// </summary>
internal static class ClusterSampleData
{
    /// <summary>The name of the one source: the bundled posts.</summary>
    public const string SourceName = "bundled";

    /// <summary>Gets the path of the bundled posts.</summary>
    public static string PostsPath => Path.Combine(AppContext.BaseDirectory, "Data", "posts.jsonl");

    /// <summary>Gets the tenants, in order.</summary>
    public static IReadOnlyList<string> Tenants { get; } = ["brand", "people", "market"];

    /// <summary>Gets every tenant's watches: brand and products, people, and the market (competitors, industry, hiring).</summary>
    public static IReadOnlyList<TenantWatch> Watches()
    {
        var definitions = JsonSerializer.Deserialize(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "watches.json")),
            MonitroJsonContext.Default.ListWatchDefinition)!;
        return [.. definitions.Select(d => new TenantWatch(TenantOf(d.Category), d.ToWatch()))];
    }

    /// <summary>Reads the posts of the source up to a line as the source gives them, with the checkpoint of the source's end.</summary>
    /// <param name="lastLine">The line the source ends at (at the end of the batch that reaches it).</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    public static async Task<(IReadOnlyList<Post> Posts, SourceCheckpoint End)> ReadAllAsync(long lastLine, CancellationToken cancellationToken)
    {
        var posts = new List<Post>();
        SourceCheckpoint? end = null;
        await foreach (var batch in Source(TimeSpan.Zero, lastLine).ReadAsync(null, cancellationToken).ConfigureAwait(false))
        {
            posts.AddRange(batch.Posts);
            end = batch.Checkpoint ?? end;
        }

        return (posts, end ?? throw new InvalidOperationException($"{PostsPath} holds no post."));
    }

    /// <summary>The mention ids (<c>watch|post</c>) each tenant must end with, found by one plain matcher per tenant.</summary>
    public static Dictionary<string, HashSet<string>> Expected(IReadOnlyList<Post> posts) =>
        Watches().GroupBy(w => w.TenantId).ToDictionary(
            g => g.Key,
            g =>
            {
                var matcher = new MentionMatcher(g.Select(w => w.Watch));
                return posts.SelectMany(matcher.Match).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            },
            StringComparer.Ordinal);

    /// <summary>Creates the source of the bundled posts, in batches of 16, with a pause before each batch.</summary>
    public static SampleSource Source(TimeSpan pause, long lastLine) =>
        new(new JsonLinesReplaySource(SourceName, new JsonLinesSourceOptions { Path = PostsPath, BatchSize = 16 }), pause, lastLine);

    private static string TenantOf(WatchCategory category) => category switch
    {
        WatchCategory.Brand or WatchCategory.Product => "brand",
        WatchCategory.Person => "people",
        _ => "market",
    };
}
