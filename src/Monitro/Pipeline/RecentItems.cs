namespace Monitro.Pipeline;

/// <summary>A map that remembers only the most recently added keys, forgetting the oldest first.</summary>
/// <remarks>Bounds the memory of deduplication and reply lookups however long the pipeline runs. Not thread-safe: owned by one stage.</remarks>
internal sealed class RecentItems<TValue>
{
    private readonly int _capacity;
    private readonly Dictionary<string, TValue> _items;
    private readonly Queue<string> _order;

    public RecentItems(int capacity)
    {
        _capacity = capacity;
        _items = new Dictionary<string, TValue>(Math.Min(capacity, 4096), StringComparer.Ordinal);
        _order = new Queue<string>(Math.Min(capacity, 4096));
    }

    public int Count => _items.Count;

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, out TValue value) => _items.TryGetValue(key, out value!);

    public void Set(string key, TValue value)
    {
        if (_capacity == 0)
        {
            return;
        }

        if (_items.TryAdd(key, value))
        {
            _order.Enqueue(key);
            if (_order.Count > _capacity)
            {
                _items.Remove(_order.Dequeue());
            }
        }
        else
        {
            _items[key] = value;
        }
    }
}
