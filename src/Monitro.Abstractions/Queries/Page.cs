namespace Monitro;

/// <summary>One page of query results.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <param name="Items">The items, in the query's order.</param>
/// <param name="ContinuationToken">An opaque token that reads the next page, or <see langword="null"/> on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken)
{
    /// <summary>Gets a value indicating whether more pages follow.</summary>
    public bool HasMore => ContinuationToken is not null;
}
