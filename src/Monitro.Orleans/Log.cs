using Microsoft.Extensions.Logging;

namespace Monitro.Orleans;

/// <summary>The log messages of Monitro on Orleans.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Source lease {SourceName} started with epoch {Epoch}")]
    public static partial void LeaseStarted(this ILogger logger, string sourceName, long epoch);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Source lease {SourceName} with epoch {Epoch} stopped: a newer activation owns the source")]
    public static partial void LeaseFenced(this ILogger logger, string sourceName, long epoch);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Source lease {SourceName} with epoch {Epoch} failed; the next keep-alive starts it again from its last checkpoint")]
    public static partial void LeaseFailed(this ILogger logger, Exception exception, string sourceName, long epoch);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Left out watch {WatchName} of tenant {TenantId}: {Reason}")]
    public static partial void WatchSkipped(this ILogger logger, string tenantId, string watchName, string reason);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Debug, Message = "Could not reach source lease {SourceName}; trying again at the next keep-alive")]
    public static partial void KeepAliveFailed(this ILogger logger, Exception exception, string sourceName);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Matcher shard {Shard} loaded {Watches} watches of registry version {Version}")]
    public static partial void ShardLoaded(this ILogger logger, long shard, int watches, long version);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Stage {Stage} failed for post {PostId} of source {SourceName}; the post is skipped")]
    public static partial void PostStageFailed(this ILogger logger, Exception exception, string stage, string postId, string sourceName);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "The cluster's clock could not wake the tenants due; it tries again at its next period")]
    public static partial void ClockFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "Could not wake a person of tenant {TenantId}; the wake-up stays in the store for the next period")]
    public static partial void WakeUpFailed(this ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(EventId = 6030, Level = LogLevel.Information, Message = "Pre-search partition {Partition} loaded {Terms} terms of registry version {Version}")]
    public static partial void PreSearchPartitionLoaded(this ILogger logger, long partition, int terms, long version);

    [LoggerMessage(EventId = 6031, Level = LogLevel.Warning, Message = "The alert rules of tenant {TenantId} with epoch {Epoch} stopped: a newer activation owns them")]
    public static partial void TenantAlertsFenced(this ILogger logger, string tenantId, long epoch);

    [LoggerMessage(EventId = 6032, Level = LogLevel.Warning, Message = "Could not check the alert rules of tenant {TenantId}; what is due stays in the store for the next period")]
    public static partial void TenantAlertCheckFailed(this ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(EventId = 6033, Level = LogLevel.Warning, Message = "Could not hand the new mentions of tenant {TenantId} to its alert grain; they stay pending for its next check")]
    public static partial void TenantAlertRouteFailed(this ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(EventId = 6150, Level = LogLevel.Warning, Message = "Could not tell the cluster's clock that tenant {TenantId} has something due; the clock finds it at its next read of the tenant's store")]
    public static partial void DueNotTold(this ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(EventId = 6151, Level = LogLevel.Warning, Message = "The cluster's clock could not read what is due in the store of tenant {TenantId}; it reads it again at its next period")]
    public static partial void DueReadFailed(this ILogger logger, Exception exception, string tenantId);
}
