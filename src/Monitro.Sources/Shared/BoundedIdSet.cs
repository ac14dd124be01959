namespace Monitro.Sources.Shared;

/// <summary>Remembers the most recent ids up to a capacity, forgetting the oldest first; not thread-safe.</summary>
internal sealed class BoundedIdSet
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _capacity;

    public BoundedIdSet(int capacity, IEnumerable<string>? initial = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        foreach (var id in initial ?? [])
        {
            Add(id);
        }
    }

    public int Count => _set.Count;

    public bool Contains(string id) => _set.Contains(id);

    /// <summary>Adds an id; returns <see langword="false"/> when it was already known.</summary>
    public bool Add(string id)
    {
        if (!_set.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        while (_order.Count > _capacity)
        {
            _set.Remove(_order.Dequeue());
        }

        return true;
    }

    /// <summary>Gets the ids from oldest to newest, the order in which they are restored.</summary>
    public List<string> ToList() => [.. _order];
}
