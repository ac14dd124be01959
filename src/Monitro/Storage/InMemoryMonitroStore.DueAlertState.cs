using System.Runtime.CompilerServices;

namespace Monitro;

/// <summary>
/// The <see cref="IDueAlertStateStore"/> side of the in-memory store: the keys of the alerting state rows that fall
/// due, kept sorted by due time beside the rows, so a read visits only the rows due by its moment.
/// </summary>
public sealed partial class InMemoryMonitroStore : IDueAlertStateStore
{
    private readonly SortedSet<DueKey> _dueAlertState = new(DueKey.Order);

    /// <summary>Gets the number of rows the due reads have visited so far, for tests that check rows due later are not read.</summary>
    internal long DueRowsRead { get; private set; }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AlertStateRow>> GetDueAlertStateAsync(DateTimeOffset upTo, int limit, AlertStateRow? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var from = after is null ? new DueKey(long.MinValue, string.Empty, string.Empty) : DueKey.Of(after) ?? throw new ArgumentException("The row has no due time.", nameof(after));
        cancellationToken.ThrowIfCancellationRequested();
        var rows = new List<AlertStateRow>();
        var last = upTo.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (from.DueAt > last)
            {
                return ValueTask.FromResult<IReadOnlyList<AlertStateRow>>(rows);
            }

            // The first key due after the moment bounds the view; it and the key of the previous page are not returned.
            var end = new DueKey(last == long.MaxValue ? last : last + 1, string.Empty, string.Empty);
            foreach (var key in _dueAlertState.GetViewBetween(from, end))
            {
                if (key.Equals(from) || key.DueAt > last)
                {
                    continue;
                }

                DueRowsRead++;
                var row = _alertState[(key.Scope, key.Item)];
                if (!row.RefersToMention)
                {
                    rows.Add(row);
                }
                else if (_mentions.TryGetValue(row.Item, out var mention))
                {
                    rows.Add(row with { Mention = mention });
                }

                if (rows.Count == limit)
                {
                    break;
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<AlertStateRow>>(rows);
    }

    // Called under the lock whenever a row is saved or removed.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void IndexDue(AlertStateRow row, bool add)
    {
        if (DueKey.Of(row) is { } key)
        {
            _ = add ? _dueAlertState.Add(key) : _dueAlertState.Remove(key);
        }
    }

    /// <summary>A row's place in due order: due time (Unix milliseconds, as the durable stores keep it), scope, item.</summary>
    private readonly record struct DueKey(long DueAt, string Scope, string Item)
    {
        public static IComparer<DueKey> Order { get; } = Comparer<DueKey>.Create(static (a, b) =>
        {
            var byTime = a.DueAt.CompareTo(b.DueAt);
            if (byTime != 0)
            {
                return byTime;
            }

            var byScope = string.CompareOrdinal(a.Scope, b.Scope);
            return byScope != 0 ? byScope : string.CompareOrdinal(a.Item, b.Item);
        });

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static DueKey? Of(AlertStateRow row) => row.DueAt is { } due ? new DueKey(due.ToUnixTimeMilliseconds(), row.Scope, row.Item) : null;
    }
}
