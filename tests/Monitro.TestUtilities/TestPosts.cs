namespace Monitro.Testing;

/// <summary>Builds posts for tests.</summary>
public static class TestPosts
{
    /// <summary>The fixed moment tests start at.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Creates a post.</summary>
    public static Post Create(
        string nativeId,
        string text,
        string handle = "jane@example.social",
        string source = "mastodon",
        DateTimeOffset? createdAt = null,
        string? replyToId = null,
        IReadOnlyList<string>? mentions = null,
        string? language = "en") => new()
        {
            Id = Post.CreateId(source, nativeId),
            Source = source,
            Author = new Author { Platform = source, Handle = handle, DisplayName = handle.Split('@')[0] },
            Text = text,
            CreatedAt = createdAt ?? Epoch,
            Language = language,
            ReplyToId = replyToId,
            Entities = new PostEntities { Mentions = mentions ?? [] },
        };

    /// <summary>Creates <paramref name="count"/> posts numbered from 1, every <paramref name="matchEvery"/>-th mentioning "acme".</summary>
    public static List<Post> Numbered(int count, int matchEvery = 1, string prefix = "p") =>
        Enumerable.Range(1, count)
            .Select(i => Create(
                $"{prefix}{i}",
                i % matchEvery == 0 ? $"post {i} talks about Acme" : $"post {i} talks about the weather",
                handle: $"user{i % 17}@example.social",
                createdAt: Epoch.AddMinutes(i)))
            .ToList();
}
