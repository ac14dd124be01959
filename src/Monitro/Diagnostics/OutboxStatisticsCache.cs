namespace Monitro.Diagnostics;

/// <summary>
/// The outbox figures last read from the store. Gauges are observed synchronously and a store is read
/// asynchronously, so the gauges report the latest sample instead of blocking the collector on a query.
/// </summary>
internal sealed class OutboxStatisticsCache(Func<IAlertOutboxStatistics?> statistics)
{
    private readonly Lazy<IAlertOutboxStatistics?> _statistics = new(statistics);
    private AlertOutboxStatistics? _latest;

    /// <summary>Gets the latest figures, or <see langword="null"/> before the first read (or after a failed one).</summary>
    public AlertOutboxStatistics? Latest => Volatile.Read(ref _latest);

    /// <summary>Gets the store's statistics side, or <see langword="null"/> when the store keeps none.</summary>
    public IAlertOutboxStatistics? Statistics => _statistics.Value;

    /// <summary>Reads the figures from the store and keeps them.</summary>
    /// <returns>The figures, or <see langword="null"/> when the store keeps none.</returns>
    public async ValueTask<AlertOutboxStatistics?> RefreshAsync(CancellationToken cancellationToken)
    {
        if (Statistics is not { } source)
        {
            return null;
        }

        try
        {
            var latest = await source.GetOutboxStatisticsAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _latest, latest);
            return latest;
        }
        catch
        {
            // A stale figure would look healthy; report none until the store answers again (its health check says why).
            Volatile.Write(ref _latest, null);
            throw;
        }
    }
}
