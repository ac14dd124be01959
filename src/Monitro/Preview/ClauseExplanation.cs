namespace Monitro;

/// <summary>Why one clause of a query holds or fails for a post: a node of the "why / why not" tree.</summary>
/// <remarks>
/// A failed query is explained by its first failing path: an AND fails at a child whose <see cref="Matched"/> is
/// <see langword="false"/>, a NOT fails where its child was found (see <see cref="Found"/>), a NEAR fails when both
/// operands are found but too far apart.
/// </remarks>
public sealed record ClauseExplanation
{
    /// <summary>Gets the kind of clause.</summary>
    public required ClauseKind Kind { get; init; }

    /// <summary>Gets the clause as query text, normalized (for example <c>NOT hiring</c>, <c>"new phone"~1</c>, <c>lang:en</c>).</summary>
    public required string Clause { get; init; }

    /// <summary>Gets the position of the clause in the query.</summary>
    public required int Position { get; init; }

    /// <summary>Gets a value indicating whether the clause holds for the post.</summary>
    public required bool Matched { get; init; }

    /// <summary>Gets the parts of the post's text where the clause's terms occur, in order of their start (none for filters and for operators other than NEAR).</summary>
    public IReadOnlyList<MatchSpan> Spans { get; init; } = [];

    /// <summary>Gets the post text of <see cref="Spans"/>, one entry per span.</summary>
    public IReadOnlyList<string> Found { get; init; } = [];

    /// <summary>Gets the clauses inside this one, in query order.</summary>
    public IReadOnlyList<ClauseExplanation> Children { get; init; } = [];
}
