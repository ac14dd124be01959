using Microsoft.Extensions.Logging;

namespace Monitro.Diagnostics;

/// <summary>The pipeline's log messages. Post text and handles are never logged above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = MonitroEventIds.PipelineStarting, Level = LogLevel.Information, Message = "Monitro is listening to {SourceCount} sources for {WatchCount} watches")]
    public static partial void PipelineStarting(this ILogger logger, int sourceCount, int watchCount);

    [LoggerMessage(EventId = MonitroEventIds.RelationshipsRestored, Level = LogLevel.Information, Message = "Restored relationships from {InteractionCount} stored interactions in {ElapsedMilliseconds} ms")]
    public static partial void RelationshipsRestored(this ILogger logger, long interactionCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = MonitroEventIds.PipelineStopped, Level = LogLevel.Information, Message = "Monitro stopped listening")]
    public static partial void PipelineStopped(this ILogger logger);

    [LoggerMessage(EventId = MonitroEventIds.SourceResuming, Level = LogLevel.Debug, Message = "Source {SourceName} starts from checkpoint {Checkpoint}")]
    public static partial void SourceResuming(this ILogger logger, string sourceName, string checkpoint);

    [LoggerMessage(EventId = MonitroEventIds.SourceCompleted, Level = LogLevel.Information, Message = "Source {SourceName} reached its end")]
    public static partial void SourceCompleted(this ILogger logger, string sourceName);

    [LoggerMessage(EventId = MonitroEventIds.SourceFailed, Level = LogLevel.Warning, Message = "Source {SourceName} failed ({ErrorType}: {Error}); next attempt at {NextAttemptAt} (in {Delay}; failures in a row: {Attempt})")]
    public static partial void SourceFailed(this ILogger logger, string sourceName, string errorType, string error, DateTimeOffset nextAttemptAt, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = MonitroEventIds.SourceFailureDetails, Level = LogLevel.Debug, Message = "Source {SourceName} failed; the details follow")]
    public static partial void SourceFailureDetails(this ILogger logger, Exception exception, string sourceName);

    [LoggerMessage(EventId = MonitroEventIds.ItemSkipped, Level = LogLevel.Warning, Message = "Skipped an item from {SourceName} at {Position}: {Reason}")]
    public static partial void ItemSkipped(this ILogger logger, string sourceName, string position, string reason);

    [LoggerMessage(EventId = MonitroEventIds.BatchCommitted, Level = LogLevel.Debug, Message = "Committed a batch from {SourceName}: {PostCount} posts read, {DuplicateCount} duplicates, {MentionCount} mentions")]
    public static partial void BatchCommitted(this ILogger logger, string sourceName, int postCount, int duplicateCount, int mentionCount);

    [LoggerMessage(EventId = MonitroEventIds.MentionMatched, Level = LogLevel.Debug, Message = "Mention {MentionId} found in a post from {SourceName}")]
    public static partial void MentionMatched(this ILogger logger, string mentionId, string sourceName);

    [LoggerMessage(EventId = MonitroEventIds.PostStageFailed, Level = LogLevel.Error, Message = "The {Stage} stage failed on post {PostId} from {SourceName}; the post is kept as a dead letter and the batch goes on")]
    public static partial void PostStageFailed(this ILogger logger, Exception exception, string stage, string postId, string sourceName);

    [LoggerMessage(EventId = MonitroEventIds.AlertDelivered, Level = LogLevel.Debug, Message = "Alert {IdempotencyKey} delivered to {SinkName}")]
    public static partial void AlertDelivered(this ILogger logger, string idempotencyKey, string sinkName);

    [LoggerMessage(EventId = MonitroEventIds.AlertDeliveryFailed, Level = LogLevel.Warning, Message = "Alert {IdempotencyKey} could not be delivered to {SinkName} (attempt {Attempt}); next attempt at {NextAttemptAt}")]
    public static partial void AlertDeliveryFailed(this ILogger logger, Exception exception, string idempotencyKey, string sinkName, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = MonitroEventIds.AlertDeadLettered, Level = LogLevel.Error, Message = "Alert {IdempotencyKey} was given up after {Attempts} attempts: {Reason}")]
    public static partial void AlertDeadLettered(this ILogger logger, string idempotencyKey, int attempts, string reason);

    [LoggerMessage(EventId = MonitroEventIds.ShutdownGraceExpired, Level = LogLevel.Warning, Message = "Stopped with {PendingCount} committed alerts not yet delivered; a durable store delivers them on the next start")]
    public static partial void ShutdownGraceExpired(this ILogger logger, int pendingCount);

    [LoggerMessage(EventId = MonitroEventIds.AlertsCommitted, Level = LogLevel.Debug, Message = "Committed {AlertCount} alerts from {SourceName} to the outbox")]
    public static partial void AlertsCommitted(this ILogger logger, int alertCount, string sourceName);

    [LoggerMessage(EventId = MonitroEventIds.TimedAlertsFailed, Level = LogLevel.Warning, Message = "Raising or committing the {SourceName} alerts failed; they are tried again at the next check")]
    public static partial void TimedAlertsFailed(this ILogger logger, Exception exception, string sourceName);

    [LoggerMessage(EventId = MonitroEventIds.PostText, Level = LogLevel.Trace, Message = "Post {PostId} by {Handle}: {Text}")]
    public static partial void PostText(this ILogger logger, string postId, string handle, string text);

    [LoggerMessage(EventId = MonitroEventIds.PipelineFailed, Level = LogLevel.Critical, Message = "The Monitro pipeline failed and stopped")]
    public static partial void PipelineFailed(this ILogger logger, Exception exception);
}
