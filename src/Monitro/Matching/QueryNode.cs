namespace Monitro.Matching;

/// <summary>A node of a parsed query.</summary>
internal abstract record QueryNode;

/// <summary>A single folded word.</summary>
internal sealed record TermNode(string Word) : QueryNode;

/// <summary>Consecutive folded words.</summary>
internal sealed record PhraseNode(IReadOnlyList<string> Words) : QueryNode;

/// <summary>All children must match.</summary>
internal sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>Any child must match.</summary>
internal sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>The child must not match.</summary>
internal sealed record NotNode(QueryNode Child) : QueryNode;
