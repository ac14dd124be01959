namespace Monitro;

/// <summary>
/// A post, comment, article or status read from a platform, normalized to one shape for every source.
/// </summary>
/// <remarks>
/// <para>A post is identified by <see cref="Id"/>, which is <c>source:native-id</c>. Where a platform's ids are
/// only unique per server (for example Mastodon), the native id is the platform's global id (the status
/// <c>uri</c>), so the same post seen through two servers has one id.</para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed record Post
{
    /// <summary>Gets the stable id of the post, <c>source:native-id</c> (see <see cref="CreateId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the platform the post comes from, in lower case (for example <c>mastodon</c>, <c>bluesky</c>, <c>rss</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the author of the post.</summary>
    public required Author Author { get; init; }

    /// <summary>Gets the plain text of the post (markup already removed).</summary>
    public required string Text { get; init; }

    /// <summary>Gets the time the post was created, as stated by the platform.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets the language of the post as a BCP 47 tag (for example <c>en</c>, <c>de</c>), or <see langword="null"/> when unknown.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the public address of the post, or <see langword="null"/> when it has none.</summary>
    public Uri? Url { get; init; }

    /// <summary>Gets the id (<c>source:native-id</c>) of the post this one replies to, or <see langword="null"/>.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>Gets the id of the first post of the thread this post belongs to, or <see langword="null"/>.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Gets a value indicating whether the post is a repost (boost, retweet, share) of another post.</summary>
    public bool IsRepost { get; init; }

    /// <summary>Gets the entities the platform reported for the post (hashtags, mentions, cashtags, links).</summary>
    /// <value>The default is <see cref="PostEntities.Empty"/>; <see langword="null"/> (a post read without entities) becomes it too.</value>
    public PostEntities Entities { get; init => field = value ?? PostEntities.Empty; } = PostEntities.Empty;

    /// <summary>Gets a value indicating whether the post replies to another post.</summary>
    public bool IsReply => ReplyToId is not null;

    /// <summary>Creates a post id from a source name and the platform's own id.</summary>
    /// <param name="source">The platform, for example <c>mastodon</c>.</param>
    /// <param name="nativeId">The platform's id of the post.</param>
    /// <returns>The id <c>source:native-id</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> or <paramref name="nativeId"/> is null or empty.</exception>
    public static string CreateId(string source, string nativeId)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(nativeId);
        return string.Concat(source, ":", nativeId);
    }
}
