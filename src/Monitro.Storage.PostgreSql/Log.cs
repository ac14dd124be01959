using Microsoft.Extensions.Logging;

namespace Monitro.Storage.PostgreSql;

/// <summary>The log messages of the PostgreSQL store.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Migrated the Monitro schema {Schema} to version {Version}: {Description}")]
    public static partial void SchemaMigrated(this ILogger logger, string schema, int version, string description);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Committed a batch of {SourceName}: {Posts} posts, {Mentions} mentions, {Alerts} alerts enqueued")]
    public static partial void BatchCommitted(this ILogger logger, string sourceName, int posts, int mentions, int alerts);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Moved the outbox entry {AlertFingerprint} to the dead letters: its payload is not readable")]
    public static partial void UnreadableOutboxEntry(this ILogger logger, string alertFingerprint, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Forgot a person: {Rows} rows deleted")]
    public static partial void PersonForgotten(this ILogger logger, int rows);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Retrying a transaction that PostgreSQL aborted ({SqlState}), attempt {Attempt}")]
    public static partial void RetryingTransaction(this ILogger logger, string sqlState, int attempt);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Refused a batch of {SourceName} from epoch {Epoch}: a newer reader of the source has started")]
    public static partial void StaleEpochRefused(this ILogger logger, string sourceName, long epoch);
}
