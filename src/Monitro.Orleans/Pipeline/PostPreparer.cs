using Microsoft.Extensions.Logging;
using Monitro.Pipeline;

namespace Monitro.Orleans.Pipeline;

/// <summary>
/// Normalizes the posts of a batch as the single-process pipeline does, before they are routed: a post that cannot be
/// used becomes a skipped item of the source, and a post seen earlier in the batch is dropped.
/// </summary>
/// <param name="maxTextLength">The longest text kept, in characters.</param>
/// <param name="logger">Where failures are reported.</param>
internal sealed class PostPreparer(int maxTextLength, ILogger logger)
{
    private readonly PostNormalizer _normalizer = new(maxTextLength);

    public List<Post> Normalize(string sourceName, IReadOnlyList<Post> incoming, List<SkippedItem> skipped)
    {
        var posts = new List<Post>(incoming.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in incoming)
        {
            Post? post;
            string? reason;
            try
            {
                post = _normalizer.Normalize(raw, out reason);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                skipped.Add(PostFailures.StageFailed(logger, sourceName, raw.Id, PostStage.Normalize, exception));
                continue;
            }

            if (post is null)
            {
                skipped.Add(new SkippedItem(sourceName, raw.Id ?? "(no id)", reason!));
            }
            else if (seen.Add(post.Id))
            {
                posts.Add(post);
            }
        }

        return posts;
    }
}
