using Microsoft.Extensions.Logging;

namespace Monitro.Orleans;

/// <summary>The log messages of shards and pre-search partitions following the watch registry's change feed.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Debug, Message = "Matcher shard {Shard} applied {Changes} watch edits, registry version {From} to {Version}")]
    public static partial void ShardFollowed(this ILogger logger, long shard, int changes, long from, long version);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Debug, Message = "Pre-search partition {Partition} applied {Changes} watch edits, registry version {From} to {Version}")]
    public static partial void PreSearchPartitionFollowed(this ILogger logger, long partition, int changes, long from, long version);
}
