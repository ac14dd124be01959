namespace Monitro;

/// <summary>
/// Something to listen for: a named query in the Monitro query language, with a category.
/// </summary>
/// <remarks>
/// The query is compiled when the watch is added to a matcher; a query that does not parse is rejected
/// then with a <see cref="QuerySyntaxException"/> that names the position, never while matching.
/// </remarks>
public sealed record Watch
{
    /// <summary>Gets the unique name of the watch (for example <c>acme-brand</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the category of the watch.</summary>
    /// <value>The default is <see cref="WatchCategory.Custom"/>.</value>
    public WatchCategory Category { get; init; } = WatchCategory.Custom;

    /// <summary>Gets the query, for example <c>acme OR "acme corp" -hiring</c>.</summary>
    public required string Query { get; init; }
}
