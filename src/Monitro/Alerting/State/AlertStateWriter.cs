namespace Monitro.Alerting.State;

/// <summary>
/// Collects how routing and checks change the durable alerting state, for the commit that carries their alerts:
/// the state is written in the same transaction as what caused it, so a restart never finds one without the other.
/// </summary>
/// <remarks>Not thread-safe: one writer per commit, filled under the router's lock.</remarks>
internal sealed class AlertStateWriter
{
    private readonly List<string> _cleared = [];
    private readonly Dictionary<(string Scope, string Item), AlertStateRow> _saved = [];

    /// <summary>Gets a value indicating whether nothing changed.</summary>
    public bool IsEmpty => _cleared.Count == 0 && _saved.Count == 0;

    /// <summary>Deletes every row of a scope, and forgets rows of it saved earlier in this writer.</summary>
    public void Clear(string scope)
    {
        _cleared.Add(scope);
        foreach (var key in _saved.Keys.Where(key => string.Equals(key.Scope, scope, StringComparison.Ordinal)).ToArray())
        {
            _saved.Remove(key);
        }
    }

    /// <summary>Saves a row, replacing one with its scope and item.</summary>
    public void Save(AlertStateRow row) => _saved[(row.Scope, row.Item)] = row;

    /// <summary>Saves a row naming a mention held in a window.</summary>
    public void SaveMention(string scope, Mention mention) => Save(new AlertStateRow
    {
        Scope = scope,
        Item = mention.Id,
        PersonId = mention.Post.Author.IdentityKey,
        RefersToMention = true,
    });

    /// <summary>Takes over what another writer collected, after what this one holds.</summary>
    public void Add(AlertStateWriter other)
    {
        foreach (var scope in other._cleared)
        {
            Clear(scope);
        }

        foreach (var row in other._saved.Values)
        {
            Save(row);
        }
    }

    /// <summary>Gets the changes for a commit, or <see langword="null"/> when there are none.</summary>
    public AlertStateChanges? ToChanges() => IsEmpty ? null : new AlertStateChanges { ClearedScopes = [.. _cleared], Saved = [.. _saved.Values] };
}
