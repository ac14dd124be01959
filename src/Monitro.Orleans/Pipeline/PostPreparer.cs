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
        Func<Post, Exception, SkippedItem> failed = (raw, exception) => PostFailures.StageFailed(logger, sourceName, raw.Id, PostStage.Normalize, exception);
        foreach (var raw in incoming)
        {
            if (_normalizer.NormalizeOrSkip(sourceName, raw, skipped, failed) is { } post && seen.Add(post.Id))
            {
                posts.Add(post);
            }
        }

        return posts;
    }
}
