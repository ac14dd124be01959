using Microsoft.Extensions.Logging;

namespace Monitro.Sources.Shared;

/// <summary>The log messages of the Monitro sources (event ids 3000–3099). Addresses and tokens are never logged: feed URLs can be secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Source {SourceName} failed ({FailureKind}): {Error}; next attempt at {NextAttemptAt} (in {Delay}; failures in a row: {ConsecutiveFailures})")]
    public static partial void PollFailed(this ILogger logger, string sourceName, string failureKind, string error, DateTimeOffset nextAttemptAt, TimeSpan delay, int consecutiveFailures);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Debug, Message = "Source {SourceName} failed; the details follow")]
    public static partial void PollFailureDetails(this ILogger logger, Exception exception, string sourceName);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Source {SourceName} skipped an item at {Position}: {Reason}")]
    public static partial void ItemSkipped(this ILogger logger, string sourceName, string position, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Source {SourceName} rejected a response body larger than {MaxBytes} bytes")]
    public static partial void BodyTooLarge(this ILogger logger, string sourceName, long maxBytes);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Source {SourceName} received text that is not valid {Encoding}; invalid bytes were replaced")]
    public static partial void InvalidEncoding(this ILogger logger, string sourceName, string encoding);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Source {SourceName} could not read its checkpoint ({Reason}); starting as on a first run")]
    public static partial void CheckpointUnreadable(this ILogger logger, string sourceName, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Source {SourceName} reached its platform's rate limit; waiting until {ResumeAt}")]
    public static partial void RateLimited(this ILogger logger, string sourceName, DateTimeOffset resumeAt);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Source {SourceName} connected to its stream (cursor {Cursor})")]
    public static partial void StreamConnected(this ILogger logger, string sourceName, long? cursor);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Source {SourceName} lost its stream ({Reason}); reconnecting at {NextAttemptAt} (in {Delay})")]
    public static partial void StreamDropped(this ILogger logger, string sourceName, string reason, DateTimeOffset nextAttemptAt, TimeSpan delay);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "Source {SourceName} obtained a new access token valid until {ExpiresAt}")]
    public static partial void TokenObtained(this ILogger logger, string sourceName, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "Source {SourceName} narrowed its search window to {From}..{To} to stay under the hit cap")]
    public static partial void WindowNarrowed(this ILogger logger, string sourceName, long from, long to);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Trace, Message = "Source {SourceName} read post {PostId}")]
    public static partial void PostRead(this ILogger logger, string sourceName, string postId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Source {SourceName} could not split a one-second window at {Time} below the hit cap; some posts of that second may be missed")]
    public static partial void WindowCannotSplit(this ILogger logger, string sourceName, long time);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Source {SourceName} refreshed its session")]
    public static partial void SessionRefreshed(this ILogger logger, string sourceName);
}
