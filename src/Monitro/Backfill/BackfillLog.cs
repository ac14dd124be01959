using Microsoft.Extensions.Logging;

namespace Monitro.Backfill;

/// <summary>The log messages of background backfills (event ids 90–99).</summary>
internal static partial class BackfillLog
{
    [LoggerMessage(EventId = 90, Level = LogLevel.Information, Message = "Backfill of watch {WatchName} finished: {Scanned} stored posts read, {Matched} mentions written")]
    public static partial void BackfillFinished(this ILogger logger, string watchName, long scanned, long matched);

    [LoggerMessage(EventId = 91, Level = LogLevel.Error, Message = "Backfill of watch {WatchName} failed; what was committed stays and the next request resumes from it")]
    public static partial void BackfillFailed(this ILogger logger, string watchName, Exception exception);
}
