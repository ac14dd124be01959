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
    private void WriteAlertState(AlertStateChanges? changes)
    {
        if (changes is null)
        {
            return;
        }

        foreach (var scope in changes.ClearedScopes)
        {
            RemoveWhere(_alertState, row => string.Equals(row.Scope, scope, StringComparison.Ordinal));
        }

        foreach (var row in changes.Saved)
        {
            _alertState[(row.Scope, row.Item)] = row with { Mention = null };
        }
    }

    // Called under the lock by ForgetPersonAsync: the rows about the person, and those naming them as their item (a link).
    private void ForgetAlertState(string personId) =>
        RemoveWhere(_alertState, row => row.PersonId == personId || row.Item == personId);
}
