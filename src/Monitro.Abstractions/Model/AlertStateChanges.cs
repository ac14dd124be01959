namespace Monitro;

/// <summary>How a batch changes the durable alerting state (<see cref="AlertStateRow"/>): scopes cleared first, then rows saved.</summary>
public sealed record AlertStateChanges
{
    /// <summary>Gets the scopes whose rows are all deleted (a digest window that was sent, a spike window that ended).</summary>
    public IReadOnlyList<string> ClearedScopes { get; init; } = [];

    /// <summary>Gets the rows to save; a row with the scope and item of a stored one replaces it.</summary>
    public IReadOnlyList<AlertStateRow> Saved { get; init; } = [];

    /// <summary>Gets a value indicating whether there is nothing to change.</summary>
    public bool IsEmpty => ClearedScopes.Count == 0 && Saved.Count == 0;
}
