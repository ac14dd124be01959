using Microsoft.Extensions.Logging;
using Monitro.Diagnostics;

namespace Monitro.Replies;

/// <summary>The reply outbox's log messages: ids and platforms only, never a reply's text or a credential.</summary>
internal static partial class ReplyLog
{
    [LoggerMessage(EventId = MonitroEventIds.ReplyPublished, Level = LogLevel.Information, Message = "Reply {ReplyId} published on {Platform} as {PostId} (attempt {Attempt})")]
    public static partial void ReplyPublished(this ILogger logger, string replyId, string platform, string postId, int attempt);

    [LoggerMessage(EventId = MonitroEventIds.ReplyPublishFailed, Level = LogLevel.Warning, Message = "Reply {ReplyId} failed on attempt {Attempt}; next attempt at {NextAttemptAt}")]
    public static partial void ReplyPublishFailed(this ILogger logger, Exception exception, string replyId, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = MonitroEventIds.ReplyDeadLettered, Level = LogLevel.Error, Message = "Reply {ReplyId} given up after {Attempt} attempts: {Reason}")]
    public static partial void ReplyDeadLettered(this ILogger logger, string replyId, int attempt, string reason);

    [LoggerMessage(EventId = MonitroEventIds.ReplyLeaseLost, Level = LogLevel.Warning, Message = "Reply {ReplyId} changed while attempt {Attempt} held it (its lease expired); the outcome of this attempt is not recorded")]
    public static partial void ReplyLeaseLost(this ILogger logger, string replyId, int attempt);
}
