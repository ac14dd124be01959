using Monitro.Text;

namespace Monitro.Matching;

/// <summary>A node of a parsed query.</summary>
/// <param name="Position">The position in the query where the node starts.</param>
internal abstract record QueryNode(int Position)
{
    /// <summary>Gets whether the node yields word positions (so it can be an operand of NEAR).</summary>
    public virtual bool IsPositional => false;
}

/// <summary>All children must match.</summary>
internal sealed record AndNode(int Position, QueryNode[] Children) : QueryNode(Position);

/// <summary>At least one child must match.</summary>
internal sealed record OrNode(int Position, QueryNode[] Children) : QueryNode(Position)
{
    /// <inheritdoc />
    public override bool IsPositional => Children.All(c => c.IsPositional);
}

/// <summary>The child must not match.</summary>
internal sealed record NotNode(int Position, QueryNode Child) : QueryNode(Position);

/// <summary>
/// Both operands match with at most <paramref name="Distance"/> words between them (any order, or left before
/// right when <paramref name="Ordered"/>).
/// </summary>
internal sealed record NearNode(int Position, QueryNode Left, QueryNode Right, int Distance, bool Ordered) : QueryNode(Position)
{
    /// <inheritdoc />
    public override bool IsPositional => true;
}

/// <summary>
/// A word (folded); one of four or more characters also matches inside a hashtag or handle on word boundaries,
/// unless <paramref name="WholeOnly"/> (a quoted word) asks for whole words and whole parts only.
/// </summary>
internal sealed record WordTerm(int Position, string Text, bool WholeOnly = false) : QueryNode(Position)
{
    /// <summary>The shortest word that also matches as a substring of hashtag and handle parts.</summary>
    public const int MinSubstringLength = 4;

    /// <inheritdoc />
    public override bool IsPositional => true;

    /// <summary>Gets whether the word also matches inside hashtag and handle parts.</summary>
    public bool MatchesInsideEntities => !WholeOnly && Text.Length >= MinSubstringLength;
}

/// <summary>Text of a script without spaces (Han, Kana, Thai…), matched as a substring of such runs.</summary>
internal sealed record RunTerm(int Position, string Text) : QueryNode(Position)
{
    /// <inheritdoc />
    public override bool IsPositional => true;
}

/// <summary>One element of a phrase: a token type and its folded key.</summary>
internal readonly record struct PhraseElement(TokenKind Kind, string Key);

/// <summary>
/// Elements in order, with at most <paramref name="Slop"/> other words in total between the first and the last.
/// </summary>
internal sealed record PhraseTerm(int Position, PhraseElement[] Elements, int Slop) : QueryNode(Position)
{
    /// <inheritdoc />
    public override bool IsPositional => true;
}

/// <summary>Words that start with the prefix.</summary>
internal sealed record PrefixTerm(int Position, string Prefix) : QueryNode(Position)
{
    /// <summary>The shortest allowed prefix.</summary>
    public const int MinLength = 3;

    /// <inheritdoc />
    public override bool IsPositional => true;
}

/// <summary>Words within <paramref name="MaxEdits"/> edits (Levenshtein) of the text.</summary>
internal sealed record FuzzyTerm(int Position, string Text, int MaxEdits) : QueryNode(Position)
{
    /// <summary>The shortest word that may be fuzzy.</summary>
    public const int MinLength = 5;

    /// <summary>The longest word (in UTF-16 code units, after folding) that may be fuzzy.</summary>
    /// <remarks>
    /// The index holds every string a fuzzy word reaches by deleting up to two characters, which grows with the
    /// square of its length; the bound keeps that, and the probe of each post word, small.
    /// </remarks>
    public const int MaxLength = 24;

    /// <inheritdoc />
    public override bool IsPositional => true;
}

/// <summary>A hashtag, handle, cashtag, emoji, URL or e-mail token with the given folded key.</summary>
internal sealed record EntityTerm(int Position, TokenKind Kind, string Key) : QueryNode(Position)
{
    /// <inheritdoc />
    public override bool IsPositional => true;
}

/// <summary>
/// The literal, case- and punctuation-sensitive, in the original text; where the literal starts (ends) with a
/// letter, digit or combining mark, the character before (after) it must not be one.
/// </summary>
internal sealed record ExactTerm(int Position, string Literal) : QueryNode(Position)
{
    /// <summary>Gets the folded literal, used to find candidate posts.</summary>
    public string FoldedLiteral { get; } = TextFolder.FoldToString(Literal);
}

/// <summary>The metadata filters.</summary>
internal enum QueryField
{
    /// <summary><c>author:</c> the author's handle, or its part before <c>@</c>.</summary>
    Author,

    /// <summary><c>site:</c> a link or the post's address is on the domain or a subdomain of it.</summary>
    Site,

    /// <summary><c>url:</c> a link or the post's address has the host and starts with the path.</summary>
    Url,

    /// <summary><c>lang:</c> the post's language tag, or its primary subtag.</summary>
    Lang,

    /// <summary><c>source:</c> the platform.</summary>
    Source,

    /// <summary><c>is:reply</c>.</summary>
    IsReply,

    /// <summary><c>is:repost</c>.</summary>
    IsRepost,
}

/// <summary>A metadata filter with its normalized value.</summary>
internal sealed record FieldTerm(int Position, QueryField Field, string Value) : QueryNode(Position);
