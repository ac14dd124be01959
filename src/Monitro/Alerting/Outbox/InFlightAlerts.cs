using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Monitro.Alerting.Outbox;

/// <summary>
/// Counts the alerts this run committed and has not yet delivered, and makes processing wait while too many
/// are pending, so a slow sink slows the sources down instead of growing memory.
/// </summary>
internal sealed class InFlightAlerts
{
    private readonly int _capacity;
    private readonly Lock _gate = new();
    // Each alert counted, and whether its commit is done. One table, not a set of pending and a set of committing
    // keys: three hash-table operations per alert instead of five.
    private readonly Dictionary<string, bool> _pending = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InFlightAlerts(int capacity) => _capacity = capacity;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> more alerts fit; a batch larger than the capacity waits until nothing is pending.</summary>
    public async ValueTask WaitForRoomAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_pending.Count == 0 || _pending.Count + count <= _capacity)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until every alert of this run is delivered or given up.</summary>
    public async ValueTask WaitUntilEmptyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Lists the alerts counted whose commit is done, so the outbox can tell which of them still wait.</summary>
    public string[] CommittedSnapshot()
    {
        lock (_gate)
        {
            return [.. _pending.Where(pair => pair.Value).Select(pair => pair.Key)];
        }
    }

    /// <summary>Counts alerts about to be committed.</summary>
    public void Add(IEnumerable<string> keys)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _pending[key] = false;
            }
        }
    }

    /// <summary>Marks counted alerts as committed: from now on the outbox holds them until they are settled.</summary>
    public void Committed(IEnumerable<string> keys)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                ref var committed = ref CollectionsMarshal.GetValueRefOrNullRef(_pending, key);
                if (!Unsafe.IsNullRef(ref committed))
                {
                    committed = true;
                }
            }
        }
    }

    public void Settle(string key) => Forget([key]);

    /// <summary>Forgets the keys among <paramref name="keys"/> that the outbox no longer holds.</summary>
    /// <remarks>
    /// The outbox refuses an alert whose key was settled before (raised again, for example by relationships rebuilt
    /// after a restart) or whose post was retracted, and another process sharing it may settle this run's alerts:
    /// this run's delivery will never settle those, so they are not waited for. A key missing because delivery
    /// already settled it is forgotten twice, which is harmless.
    /// </remarks>
    public async Task ForgetNotWaitingAsync(IAlertOutbox outbox, string[] keys, CancellationToken cancellationToken)
    {
        if (keys.Length == 0)
        {
            return;
        }

        var pending = await outbox.GetPendingKeysAsync(keys, cancellationToken).ConfigureAwait(false);
        if (pending.Count < keys.Length)
        {
            Forget(keys.Where(key => !pending.Contains(key)));
        }
    }

    /// <summary>Stops counting alerts: delivered, given up, or never committed.</summary>
    public void Forget(IEnumerable<string> keys)
    {
        TaskCompletionSource? changed = null;
        lock (_gate)
        {
            var removed = false;
            foreach (var key in keys)
            {
                removed |= _pending.Remove(key);
            }

            if (removed)
            {
                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        changed?.TrySetResult();
    }
}
