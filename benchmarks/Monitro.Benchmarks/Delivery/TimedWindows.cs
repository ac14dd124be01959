namespace Monitro.Benchmarks.Delivery;

/// <summary>
/// The stretches of time a driver measures, so that the runtime's allocation ticks, which arrive late and on another
/// thread, can be told apart by their time stamp: inside a stretch (the delivery) or outside (the untimed commits).
/// </summary>
internal sealed class TimedWindows
{
    private readonly Lock _gate = new();
    private readonly List<(DateTime Start, DateTime End)> _closed = [];
    private DateTime? _open;

    /// <summary>Opens a stretch now.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _open = DateTime.UtcNow;
        }
    }

    /// <summary>Closes the open stretch now.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_open is { } start)
            {
                _closed.Add((start, DateTime.UtcNow));
                _open = null;
            }
        }
    }

    /// <summary>Tells whether a moment (UTC) falls inside a stretch, the open one included.</summary>
    public bool Contains(DateTime moment)
    {
        lock (_gate)
        {
            if (_open is { } start && moment >= start)
            {
                return true;
            }

            // Ticks arrive in order, so the latest stretches are the likely ones: search from the end.
            for (var i = _closed.Count - 1; i >= 0; i--)
            {
                var (from, to) = _closed[i];
                if (moment >= from)
                {
                    return moment <= to;
                }
            }

            return false;
        }
    }
}
