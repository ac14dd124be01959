namespace Monitro.Tests.Matching;

internal static class TestPosts
{
    public static Post Create(
        string text,
        string source = "mastodon",
        string author = "jane@example.social",
        string? language = "en",
        string? replyTo = null,
        bool repost = false,
        string? url = null,
        IReadOnlyList<string>? links = null) => new()
        {
            Id = Post.CreateId(source, Guid.NewGuid().ToString("N")),
            Source = source,
            Author = new Author { Platform = source, Handle = author },
            Text = text,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero),
            Language = language,
            ReplyToId = replyTo,
            IsRepost = repost,
            Url = url is null ? null : new Uri(url),
            Entities = new PostEntities { Links = links ?? [] },
        };

    public static bool Matches(string query, Post post)
    {
        var matcher = new MentionMatcher();
        matcher.AddWatch(new Watch { Name = "w", Query = query });
        return matcher.Match(post).Count == 1;
    }

    public static bool Matches(string query, string text) => Matches(query, Create(text));
}
