namespace Monitro.Benchmarks.Pipeline;

/// <summary>A deterministic stream of short social posts about a few brands, for pipeline benchmarks.</summary>
internal static class SyntheticPosts
{
    private static readonly string[] Words =
    [
        "the", "new", "release", "is", "really", "fast", "but", "support", "took", "days", "to", "answer", "love", "board",
        "sync", "broke", "again", "anyone", "using", "for", "remote", "teams", "pricing", "seems", "fair", "switching", "from",
        "kanban", "sprint", "today", "great", "team", "meeting", "offline", "mode", "please", "fix", "thanks", "help",
    ];

    private static readonly string[] Brands = ["Acme", "#AcmeCorp", "Globex", "Initech", "@acme_support", "Umbrella"];

    public static IReadOnlyList<Watch> Watches { get; } =
    [
        new() { Name = "acme", Category = WatchCategory.Brand, Query = "acme OR \"acme corp\"" },
        new() { Name = "globex", Category = WatchCategory.Competitor, Query = "globex -hiring" },
        new() { Name = "initech", Category = WatchCategory.Competitor, Query = "initech (pricing OR support)" },
        new() { Name = "industry", Category = WatchCategory.Industry, Query = "kanban OR \"remote teams\"" },
    ];

    public static List<Post> Create(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var posts = new List<Post>(count);
        for (var i = 0; i < count; i++)
        {
            var words = new List<string>();
            var length = random.Next(12, 26);
            for (var w = 0; w < length; w++)
            {
                words.Add(random.Next(8) == 0 ? Brands[random.Next(Brands.Length)] : Words[random.Next(Words.Length)]);
            }

            posts.Add(new Post
            {
                Id = Post.CreateId("bench", i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Source = "bench",
                Author = new Author { Platform = "bench", Handle = "user" + random.Next(2_000) },
                Text = string.Join(' ', words),
                CreatedAt = start.AddSeconds(i),
            });
        }

        return posts;
    }
}
