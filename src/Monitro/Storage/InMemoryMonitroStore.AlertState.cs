using System.Runtime.CompilerServices;

namespace Monitro;

/// <summary>The <see cref="IAlertStateStore"/> side of the in-memory store: the alerting state rows, written with the commits.</summary>
public sealed partial class InMemoryMonitroStore : IAlertStateStore
{
    private readonly Dictionary<(string Scope, string Item), AlertStateRow> _alertState = [];

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AlertStateRow>> GetAlertStateAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var rows = new List<AlertStateRow>(_alertState.Count);
            foreach (var row in _alertState.Values.OrderBy(row => row.Scope, StringComparer.Ordinal).ThenBy(row => row.Item, StringComparer.Ordinal))
            {
                if (!row.RefersToMention)
                {
                    rows.Add(row);
                }
                else if (_mentions.TryGetValue(row.Item, out var mention))
                {
                    rows.Add(row with { Mention = mention });
                }
            }

            return ValueTask.FromResult<IReadOnlyList<AlertStateRow>>(rows);
        }
    }

    // Called under the lock by CommitAsync: scopes cleared first, then rows saved.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteAlertState(AlertStateChanges? changes)
    {
        if (changes is null)
        {
            return;
        }

        foreach (var scope in changes.ClearedScopes)
        {
            RemoveAlertStateWhere(row => string.Equals(row.Scope, scope, StringComparison.Ordinal));
        }

        foreach (var row in changes.Saved)
        {
            if (_alertState.TryGetValue((row.Scope, row.Item), out var old))
            {
                IndexDue(old, add: false);
            }

            // Kept to the millisecond, as the durable stores keep it.
            var saved = row with { Mention = null, DueAt = row.DueAt is { } due ? DateTimeOffset.FromUnixTimeMilliseconds(due.ToUnixTimeMilliseconds()) : null };
            _alertState[(row.Scope, row.Item)] = saved;
            IndexDue(saved, add: true);
        }
    }

    // Called under the lock by ForgetPersonAsync: the rows about the person, and those naming them as their item (a link).
    private void ForgetAlertState(string personId) =>
        RemoveAlertStateWhere(row => row.PersonId == personId || row.Item == personId);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RemoveAlertStateWhere(Func<AlertStateRow, bool> predicate)
    {
        foreach (var row in _alertState.Values.Where(predicate).ToList())
        {
            _alertState.Remove((row.Scope, row.Item));
            IndexDue(row, add: false);
        }
    }
}
