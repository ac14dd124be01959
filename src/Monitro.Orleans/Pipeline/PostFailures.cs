using Microsoft.Extensions.Logging;

namespace Monitro.Orleans.Pipeline;

/// <summary>A post that trips a stage is kept as a skipped item naming the stage, as in one process; it never stops the batch.</summary>
internal static class PostFailures
{
    public static SkippedItem StageFailed(ILogger logger, string sourceName, string? postId, string stage, Exception exception)
    {
        logger.PostStageFailed(exception, stage, postId ?? "(no id)", sourceName);
        return new SkippedItem(sourceName, postId ?? "(no id)", $"{stage} failed: {exception.GetType().Name}: {exception.Message}");
    }
}
