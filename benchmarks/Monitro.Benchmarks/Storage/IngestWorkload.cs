using System.Globalization;

namespace Monitro.Benchmarks.Storage;

/// <summary>
/// The ingest work the storage benchmarks share: batches of posts, half of them mentioning acme as in a
/// focused search feed, matched against one watch, and each batch's matched posts, mentions, alerts and
/// checkpoint committed to a store in one call.
/// </summary>
internal sealed class IngestWorkload
{
    public const int PostsPerBatch = 500;
    public const int BatchesPerOperation = 10;

    /// <summary>The posts one operation reads: divide by the mean time for posts per second.</summary>
    public const int PostsPerOperation = PostsPerBatch * BatchesPerOperation;

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly MentionMatcher _matcher = new();
    private long _nextPost;

    public IngestWorkload() =>
        _matcher.AddWatch(new Watch { Name = "acme", Category = WatchCategory.Brand, Query = "acme OR \"acme corp\" -hiring" });

    public async Task IngestAsync(IMonitroStore store)
    {
        for (var b = 0; b < BatchesPerOperation; b++)
        {
            var posts = new List<Post>();
            var mentions = new List<Mention>();
            for (var i = 0; i < PostsPerBatch; i++)
            {
                var post = CreatePost(_nextPost++);
                var found = _matcher.Match(post);
                if (found.Count > 0)
                {
                    posts.Add(post);
                    mentions.AddRange(found);
                }
            }

            await store.CommitAsync(new BatchCommit
            {
                SourceName = "bench",
                Posts = posts,
                Mentions = mentions,
                Alerts = mentions.ConvertAll(m => Alert.ForMention(m, Start)),
                Checkpoint = new SourceCheckpoint("bench", _nextPost.ToString(CultureInfo.InvariantCulture)),
            });
        }
    }

    private static Post CreatePost(long n) => new()
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"bench:{n}"),
        Source = "bench",
        Author = new Author { Platform = "mastodon", Handle = string.Create(CultureInfo.InvariantCulture, $"user{n % 2000}@example.social") },
        Text = n % 2 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Has anyone switched from globex to acme corp? Post {n} asks for advice on invoicing.")
            : string.Create(CultureInfo.InvariantCulture, $"Lovely weather in town today, post {n}, nothing about software at all."),
        CreatedAt = Start.AddSeconds(n),
        Language = "en",
    };
}
