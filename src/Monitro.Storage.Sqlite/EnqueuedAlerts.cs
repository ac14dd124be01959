namespace Monitro.Storage.Sqlite;

/// <summary>
/// The alerts this store enqueued and committed, kept until a claim hands them out, so that the claim of an alert
/// this process just wrote does not read its JSON back.
/// </summary>
/// <remarks>
/// An outbox row's payload never changes once enqueued (a key is enqueued at most once), so the alert kept is the
/// one the row holds. An alert claimed again (after a failed attempt) is read from its row, as is one this store did
/// not enqueue. Bounded: alerts whose rows left without a claim here (delivered by another process, retracted) would
/// stay, so when full it starts again empty, and the claims of what it forgot read the rows as before.
/// </remarks>
internal sealed class EnqueuedAlerts
{
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="EnqueuedAlerts"/> class.</summary>
    /// <param name="capacity">The most alerts kept at once.</param>
    public EnqueuedAlerts(int capacity) => _capacity = capacity;

    /// <summary>Gets the number of alerts kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _alerts.Count;
            }
        }
    }

    /// <summary>Keeps alerts whose enqueueing is committed.</summary>
    /// <param name="alerts">The alerts.</param>
    public void Add(List<Alert> alerts)
    {
        lock (_gate)
        {
            foreach (var alert in alerts)
            {
                if (_alerts.Count >= _capacity)
                {
                    _alerts.Clear();
                }

                _alerts[alert.IdempotencyKey] = alert;
            }
        }
    }

    /// <summary>Forgets alerts whose enqueueing rolled back.</summary>
    /// <param name="alerts">The alerts.</param>
    public void Forget(List<Alert> alerts)
    {
        lock (_gate)
        {
            foreach (var alert in alerts)
            {
                _alerts.Remove(alert.IdempotencyKey);
            }
        }
    }

    /// <summary>Takes the alert kept under a key, if any.</summary>
    /// <param name="idempotencyKey">The key of a claimed row.</param>
    /// <param name="alert">The alert.</param>
    /// <returns><see langword="true"/> when it was kept.</returns>
    public bool TryTake(string idempotencyKey, out Alert alert)
    {
        lock (_gate)
        {
            return _alerts.Remove(idempotencyKey, out alert!);
        }
    }

    /// <summary>Forgets every alert kept, when rows may have left the outbox and their keys come back with other alerts (an erasure).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _alerts.Clear();
        }
    }
}
