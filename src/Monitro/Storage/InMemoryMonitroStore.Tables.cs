namespace Monitro;

/// <summary>Every row of the in-memory store by the table a durable store keeps it in, so the store contract can count and search them.</summary>
public sealed partial class InMemoryMonitroStore
{
    /// <summary>Gets a snapshot of every row, by table name (<c>posts</c>, <c>alert_outbox</c>, …), each row as the object the store holds.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<object>> ReadTables()
    {
        lock (_gate)
        {
            return new Dictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal)
            {
                ["people"] = [.. _people.Select(pair => (object)new { Id = pair.Key, pair.Value.FirstSeenAt, pair.Value.LastSeenAt })],
                ["identities"] = [.. _identities.Values],
                ["posts"] = [.. _posts.Values],
                ["mentions"] = [.. _mentions.Values],
                ["interactions"] = [.. _interactions.Values],
                ["relationship_snapshots"] = [.. _snapshots.Values],
                ["checkpoints"] = [.. _checkpoints.Values],
                ["dead_letters"] = [.. _deadLetters.Values],
                ["alert_outbox"] = [.. _outbox.Values.Select(slot => (object)new { slot.Alert, slot.Attempts, slot.LastError, slot.DueAt, slot.LeaseUntil })],
                ["settled_alerts"] = [.. _settledAlertKeys.Rows],
                ["inbox_items"] = [.. _inbox.Values],
            };
        }
    }
}
