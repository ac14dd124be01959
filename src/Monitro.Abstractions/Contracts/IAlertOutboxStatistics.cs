namespace Monitro;

/// <summary>Tells how the alert outbox is doing, for health checks and gauges.</summary>
/// <remarks>
/// One cheap read: a count and two extremes over indexed columns. Implementations are thread-safe, and where the
/// store is shared between processes the figures cover all of them.
/// </remarks>
public interface IAlertOutboxStatistics
{
    /// <summary>Reads the outbox's figures now.</summary>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>How many alerts wait, since when the oldest is due, and the dead alerts.</returns>
    ValueTask<AlertOutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default);
}
