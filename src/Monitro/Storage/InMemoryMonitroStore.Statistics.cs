namespace Monitro;

/// <summary>The <see cref="IAlertOutboxStatistics"/> side of the in-memory store.</summary>
public sealed partial class InMemoryMonitroStore : IAlertOutboxStatistics
{
    /// <inheritdoc />
    public ValueTask<AlertOutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            DateTimeOffset? oldestDue = _outbox.Count == 0 ? null : _outbox.Values.Min(slot => slot.DueAt);
            long dead = 0;
            DateTimeOffset? newestDead = null;
            foreach (var (key, row) in _deadLetters)
            {
                if (key.Kind == DeadLetterKinds.Alert && key.Origin == DeadLetterKinds.Alert)
                {
                    dead++;
                    newestDead = newestDead is { } newest && newest >= row.Letter.RecordedAt ? newest : row.Letter.RecordedAt;
                }
            }

            return ValueTask.FromResult(new AlertOutboxStatistics(_outbox.Count, oldestDue, dead, newestDead));
        }
    }
}
