using Microsoft.Extensions.Logging;
using Monitro.Storage.Shared;

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

    // Mention ids, post ids and alert keys can hold a handle (a Mastodon post id is a URL with the author's name in
    // it), so above Trace they are logged as fingerprints (AlertKeyFingerprint), computed only when the level is on.
    public static void MentionMatched(this ILogger logger, string mentionId, string sourceName)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var fingerprint = AlertKeyFingerprint.Of(mentionId);
            MentionMatchedCore(logger, fingerprint, sourceName);
        }
    }

    public static void PostStageFailed(this ILogger logger, Exception exception, string stage, string postId, string sourceName)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            var fingerprint = AlertKeyFingerprint.Of(postId);
            PostStageFailedCore(logger, exception, stage, fingerprint, sourceName);
        }
    }

    public static void AlertDelivered(this ILogger logger, string idempotencyKey, string sinkName)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var fingerprint = AlertKeyFingerprint.Of(idempotencyKey);
            AlertDeliveredCore(logger, fingerprint, sinkName);
        }
    }

    public static void AlertDeliveryFailed(this ILogger logger, Exception exception, string idempotencyKey, string sinkName, int attempt, DateTimeOffset nextAttemptAt)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var fingerprint = AlertKeyFingerprint.Of(idempotencyKey);
            AlertDeliveryFailedCore(logger, exception, fingerprint, sinkName, attempt, nextAttemptAt);
        }
    }

    public static void AlertDeadLettered(this ILogger logger, string idempotencyKey, int attempts, string reason)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            var fingerprint = AlertKeyFingerprint.Of(idempotencyKey);
            AlertDeadLetteredCore(logger, fingerprint, attempts, reason);
        }
    }

    [LoggerMessage(EventId = MonitroEventIds.MentionMatched, Level = LogLevel.Debug, Message = "Mention {MentionFingerprint} found in a post from {SourceName}")]
    private static partial void MentionMatchedCore(ILogger logger, string mentionFingerprint, string sourceName);

    [LoggerMessage(EventId = MonitroEventIds.PostStageFailed, Level = LogLevel.Error, Message = "The {Stage} stage failed on post {PostFingerprint} from {SourceName}; the post is kept as a dead letter and the batch goes on")]
    private static partial void PostStageFailedCore(ILogger logger, Exception exception, string stage, string postFingerprint, string sourceName);

    [LoggerMessage(EventId = MonitroEventIds.AlertDelivered, Level = LogLevel.Debug, Message = "Alert {AlertFingerprint} delivered to {SinkName}")]
    private static partial void AlertDeliveredCore(ILogger logger, string alertFingerprint, string sinkName);

    [LoggerMessage(EventId = MonitroEventIds.AlertDeliveryFailed, Level = LogLevel.Warning, Message = "Alert {AlertFingerprint} could not be delivered to {SinkName} (attempt {Attempt}); next attempt at {NextAttemptAt}")]
    private static partial void AlertDeliveryFailedCore(ILogger logger, Exception exception, string alertFingerprint, string sinkName, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = MonitroEventIds.AlertDeadLettered, Level = LogLevel.Error, Message = "Alert {AlertFingerprint} was given up after {Attempts} attempts: {Reason}")]
    private static partial void AlertDeadLetteredCore(ILogger logger, string alertFingerprint, int attempts, string reason);

    [LoggerMessage(EventId = MonitroEventIds.SinkCircuitOpened, Level = LogLevel.Warning, Message = "Sink {SinkName} failed {Failures} times in a row; it is not called until {OpenUntil}")]
    public static partial void SinkCircuitOpened(this ILogger logger, string sinkName, int failures, DateTimeOffset openUntil);

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
