namespace Monitro;

/// <summary>The exception thrown when a watch's query does not parse or is not allowed.</summary>
public sealed class QuerySyntaxException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="QuerySyntaxException"/> class.</summary>
    public QuerySyntaxException()
        : this("The query is not valid.", string.Empty, 0)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="QuerySyntaxException"/> class.</summary>
    /// <param name="message">The message.</param>
    public QuerySyntaxException(string message)
        : this(message, string.Empty, 0)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="QuerySyntaxException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public QuerySyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Query = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="QuerySyntaxException"/> class.</summary>
    /// <param name="reason">What is wrong or what was expected, for example <c>expected ')'</c>.</param>
    /// <param name="query">The query.</param>
    /// <param name="position">The zero-based position in the query where the problem is.</param>
    public QuerySyntaxException(string reason, string query, int position)
        : base(FormatMessage(reason, position))
    {
        Reason = reason;
        Query = query ?? string.Empty;
        Position = position;
    }

    /// <summary>Gets what is wrong or what was expected, without the position.</summary>
    public string Reason { get; } = string.Empty;

    /// <summary>Gets the query that failed.</summary>
    public string Query { get; }

    /// <summary>Gets the zero-based position in <see cref="Query"/> where the problem is.</summary>
    public int Position { get; }

    /// <summary>Gets or sets the name of the watch whose query failed, when known.</summary>
    public string? WatchName { get; init; }

    private static string FormatMessage(string reason, int position) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reason} at {position}");
}
