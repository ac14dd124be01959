namespace Monitro.Matching;

/// <summary>
/// Parses the Monitro query language into a tree. Precedence, from tightest: NEAR/ONEAR, NOT (and <c>-</c>),
/// AND (and juxtaposition), OR.
/// </summary>
internal sealed class QueryParser
{
    /// <summary>The longest query accepted.</summary>
    public const int MaxQueryLength = 10_000;

    /// <summary>The deepest nesting of parentheses and NOTs accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most terms accepted in a query (each word of a phrase counts, and so does each filter).</summary>
    /// <remarks>Bounds the work of one watch on one post: every term is looked up, and some scan the post.</remarks>
    public const int MaxTerms = 1_000;

    /// <summary>The most fuzzy terms accepted in a query (each adds a few hundred keys to the index).</summary>
    public const int MaxFuzzyTerms = 16;

    // The children of the OR and AND nodes being parsed, as a stack shared by the nested calls: each call pushes its
    // children above those of its callers and pops them into its node's array, so a parse needs no list per node.
    [ThreadStatic]
    private static List<QueryNode>? t_children;

    private readonly string _query;
    private readonly TermInterner? _terms;
    private readonly QueryLexer _lexer;
    private readonly List<QueryNode> _children;
    private QueryToken _current;
    private int _depth;
    private int _termCount;
    private int _fuzzyTerms;

    private QueryParser(string query, TermInterner? terms)
    {
        _query = query;
        _terms = terms;
        _lexer = new QueryLexer(query);
        _children = t_children ??= [];
        _current = _lexer.Next();
    }

    /// <summary>Parses a query.</summary>
    /// <exception cref="QuerySyntaxException">The query does not parse.</exception>
    public static QueryNode Parse(string query) => Parse(query, terms: null);

    /// <summary>Parses a query, taking its folded terms from <paramref name="terms"/>.</summary>
    /// <param name="query">The query.</param>
    /// <param name="terms">Where the folded terms of the queries compiled together come from, so that they share them; null for strings of this query's own.</param>
    /// <exception cref="QuerySyntaxException">The query does not parse.</exception>
    public static QueryNode Parse(string query, TermInterner? terms)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxQueryLength)
        {
            throw new QuerySyntaxException($"the query is longer than {MaxQueryLength} characters", query, MaxQueryLength);
        }

        var parser = new QueryParser(query, terms);
        if (parser._current.Kind == QueryTokenKind.End)
        {
            throw new QuerySyntaxException("the query is empty", query, 0);
        }

        // A parse that threw left its children behind.
        parser._children.Clear();
        var root = parser.ParseOr();
        return parser._current.Kind switch
        {
            QueryTokenKind.End => root,
            QueryTokenKind.Close => throw parser.Error("unexpected ')' without '('", parser._current.Position),
            _ => throw parser.Error("expected an operator or the end of the query", parser._current.Position),
        };
    }

    private QueryNode ParseOr()
    {
        var first = ParseAnd();
        if (_current.Kind != QueryTokenKind.Or)
        {
            return first;
        }

        var start = _children.Count;
        _children.Add(first);
        while (_current.Kind == QueryTokenKind.Or)
        {
            Advance();
            _children.Add(ParseAnd());
        }

        return new OrNode(first.Position, PopChildren(start));
    }

    private QueryNode ParseAnd()
    {
        var first = ParseUnary();
        var start = -1;
        while (true)
        {
            if (_current.Kind == QueryTokenKind.And)
            {
                Advance();
            }
            else if (!StartsUnary(_current.Kind))
            {
                break;
            }

            if (start < 0)
            {
                start = _children.Count;
                _children.Add(first);
            }

            _children.Add(ParseUnary());
        }

        return start < 0 ? first : new AndNode(first.Position, PopChildren(start));
    }

    private QueryNode[] PopChildren(int start)
    {
        var children = new QueryNode[_children.Count - start];
        _children.CopyTo(start, children, 0, children.Length);
        _children.RemoveRange(start, children.Length);
        return children;
    }

    private static bool StartsUnary(QueryTokenKind kind) =>
        kind is QueryTokenKind.Open or QueryTokenKind.Not or QueryTokenKind.Minus or QueryTokenKind.Phrase or QueryTokenKind.Exact or QueryTokenKind.Bare;

    private QueryNode ParseUnary()
    {
        if (_current.Kind is QueryTokenKind.Not or QueryTokenKind.Minus)
        {
            var position = _current.Position;
            Advance();
            Enter(position);
            var child = ParseUnary();
            _depth--;
            return new NotNode(position, child);
        }

        return ParseNear();
    }

    private QueryNode ParseNear()
    {
        var left = ParsePrimary();
        while (_current.Kind == QueryTokenKind.Near)
        {
            var near = _current;
            Advance();
            var right = ParsePrimary();
            RequirePositional(left, near);
            RequirePositional(right, near);
            left = new NearNode(near.Position, left, right, near.Number, near.Ordered);
        }

        return left;
    }

    private void RequirePositional(QueryNode operand, QueryToken near)
    {
        if (!operand.IsPositional)
        {
            throw Error($"{(near.Ordered ? "ONEAR" : "NEAR")} needs words, phrases, entities or groups of them joined by OR on both sides", operand.Position);
        }
    }

    private QueryNode ParsePrimary()
    {
        var token = _current;
        switch (token.Kind)
        {
            case QueryTokenKind.Open:
                Advance();
                Enter(token.Position);
                if (_current.Kind == QueryTokenKind.Close)
                {
                    throw Error("empty group: expected a term after '('", _current.Position);
                }

                var inner = ParseOr();
                if (_current.Kind != QueryTokenKind.Close)
                {
                    throw Error("expected ')'", _current.Position);
                }

                _depth--;
                Advance();
                return inner;
            case QueryTokenKind.Phrase:
                Advance();
                return Counted(TermAnalyzer.FromPhrase(_query, token, _terms));
            case QueryTokenKind.Exact:
                Advance();
                return Counted(TermAnalyzer.FromExact(_query, token));
            case QueryTokenKind.Bare:
                Advance();
                var bare = token.TextIn(_query);
                if (TermAnalyzer.IsFieldWithoutValue(bare) && _current.Kind == QueryTokenKind.Phrase && _current.Position == token.Position + bare.Length)
                {
                    var value = _current;
                    Advance();
                    return Counted(TermAnalyzer.FromField(_query, token.Position, bare[..^1].ToString(), value.TextIn(_query).ToString(), value.Position));
                }

                return Counted(TermAnalyzer.FromBare(_query, token, _terms));
            case QueryTokenKind.End:
                throw Error("expected a term", token.Position);
            case QueryTokenKind.Close:
                throw Error("expected a term before ')'", token.Position);
            default:
                throw Error($"expected a term before '{_query.Substring(token.Position, Math.Min(5, _query.Length - token.Position)).Split(' ')[0]}'", token.Position);
        }
    }

    // Counts a term against the limits on terms and fuzzy terms.
    private QueryNode Counted(QueryNode term)
    {
        _termCount += term is PhraseTerm phrase ? phrase.Elements.Length : 1;
        if (_termCount > MaxTerms)
        {
            throw Error($"the query has more than {MaxTerms} terms", term.Position);
        }

        if (term is FuzzyTerm && ++_fuzzyTerms > MaxFuzzyTerms)
        {
            throw Error($"the query has more than {MaxFuzzyTerms} fuzzy terms", term.Position);
        }

        return term;
    }

    private void Enter(int position)
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"the query is nested more than {MaxDepth} levels deep", position);
        }
    }

    private void Advance() => _current = _lexer.Next();

    private QuerySyntaxException Error(string reason, int position) => new(reason, _query, position);
}
