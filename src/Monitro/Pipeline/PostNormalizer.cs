using System.Runtime.CompilerServices;

namespace Monitro.Pipeline;

/// <summary>
/// Checks and tidies posts from sources before they are matched: required fields present, the id shaped
/// <c>source:native-id</c>, platform names in lower case, text cut to the configured length.
/// </summary>
internal sealed class PostNormalizer
{
    private readonly int _maxTextLength;

    public PostNormalizer(int maxTextLength) => _maxTextLength = maxTextLength;

    /// <summary>Normalizes a post.</summary>
    /// <returns>The normalized post, or <see langword="null"/> with <paramref name="reason"/> when it cannot be used.</returns>
    // Once per batch or per post: compiled optimized at once, since on a one-core host the runtime leaves such code unoptimized for most of a stream.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Post? Normalize(Post post, out string? reason)
    {
        reason = Check(post);
        if (reason is not null)
        {
            return null;
        }

        var source = post.Source.ToLowerInvariant();
        var platform = post.Author.Platform.ToLowerInvariant();
        var text = post.Text.Length > _maxTextLength ? post.Text[.._maxTextLength] : post.Text;
        if (ReferenceEquals(source, post.Source) && ReferenceEquals(platform, post.Author.Platform) && ReferenceEquals(text, post.Text))
        {
            return post;
        }

        return post with
        {
            Source = source,
            Text = text,
            Author = ReferenceEquals(platform, post.Author.Platform) ? post.Author : post.Author with { Platform = platform },
        };
    }

    /// <summary>Normalizes a post read from a source; one that cannot be used, or that makes normalizing throw, becomes a skipped item.</summary>
    /// <param name="sourceName">The source the post came from.</param>
    /// <param name="raw">The post as the source gave it.</param>
    /// <param name="skipped">Where a post that cannot be used is added.</param>
    /// <param name="failed">Makes (and reports) the skipped item of a post that made normalizing throw.</param>
    /// <returns>The normalized post, or <see langword="null"/> when it was skipped.</returns>
    // Once per post: compiled optimized at once, as Normalize is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Post? NormalizeOrSkip(string sourceName, Post raw, List<SkippedItem> skipped, Func<Post, Exception, SkippedItem> failed)
    {
        Post? post;
        string? reason;
        try
        {
            post = Normalize(raw, out reason);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            skipped.Add(failed(raw, exception));
            return null;
        }

        if (post is null)
        {
            skipped.Add(new SkippedItem(sourceName, raw.Id ?? "(no id)", reason!));
        }

        return post;
    }

    // Once per post, and too large to be inlined into Normalize: compiled optimized at once, as Normalize is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Check(Post post)
    {
        // Sources built outside Monitro may bypass the required-member checks (reflection, defaults).
        if (string.IsNullOrWhiteSpace(post.Source))
        {
            return "the post has no source";
        }

        if (string.IsNullOrWhiteSpace(post.Id))
        {
            return "the post has no id";
        }

        if (!post.Id.StartsWith(post.Source, StringComparison.OrdinalIgnoreCase)
            || post.Id.Length <= post.Source.Length + 1
            || post.Id[post.Source.Length] != ':')
        {
            return $"the post id '{Shorten(post.Id)}' is not of the form '{post.Source}:native-id'";
        }

        if (post.Author is null || string.IsNullOrWhiteSpace(post.Author.Platform) || string.IsNullOrWhiteSpace(post.Author.Handle))
        {
            return "the post has no author platform and handle";
        }

        if (post.Text is null)
        {
            return "the post has no text";
        }

        if (post.CreatedAt == default)
        {
            return "the post has no creation time";
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
