using Microsoft.Extensions.Logging;

namespace Monitro.Storage.Sqlite;

/// <summary>The log messages of the SQLite store.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Migrated the Monitro database to schema version {Version}: {Description}")]
    public static partial void SchemaMigrated(this ILogger logger, int version, string description);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Committed a batch of {SourceName}: {Posts} posts, {Mentions} mentions, {Alerts} alerts enqueued")]
    public static partial void BatchCommitted(this ILogger logger, string sourceName, int posts, int mentions, int alerts);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Moved the outbox entry {AlertFingerprint} to the dead letters: its payload is not readable")]
    public static partial void UnreadableOutboxEntry(this ILogger logger, string alertFingerprint, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Forgot a person: {Rows} rows deleted")]
    public static partial void PersonForgotten(this ILogger logger, int rows);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "After forgetting a person, the write-ahead log could not be emptied because another connection was reading; its old pages are overwritten by later checkpoints")]
    public static partial void WriteAheadLogNotTruncated(this ILogger logger);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Refused a batch of {SourceName} from epoch {Epoch}: a newer reader of the source has started")]
    public static partial void StaleEpochRefused(this ILogger logger, string sourceName, long epoch);
}
