namespace Monitro;

/// <summary>Which page of a query to read.</summary>
/// <param name="PageSize">The most items on the page, from 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="ContinuationToken">The token of the previous page, or <see langword="null"/> for the first page.</param>
public sealed record PageRequest(int PageSize = PageRequest.DefaultPageSize, string? ContinuationToken = null)
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page size a store accepts.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Gets the first page of <see cref="DefaultPageSize"/> items.</summary>
    public static PageRequest First { get; } = new();
}
