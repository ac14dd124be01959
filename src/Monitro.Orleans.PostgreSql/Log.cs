using Microsoft.Extensions.Logging;

namespace Monitro.Orleans.PostgreSql;

/// <summary>The log messages of Monitro's PostgreSQL support for Orleans.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Left out watch {WatchName} of tenant {TenantId}: its stored JSON is not a watch")]
    public static partial void RegistryWatchSkipped(this ILogger logger, string tenantId, string watchName);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Orleans clustering tables are current in schema {Schema}")]
    public static partial void ClusteringSchemaReady(this ILogger logger, string schema);

    [LoggerMessage(EventId = 6280, Level = LogLevel.Information, Message = "Gave {Count} watches of the registry stored before their shard key was kept their key")]
    public static partial void RegistryWatchesKeyed(this ILogger logger, int count);
}
