namespace Monitro.Matching;

/// <summary>
/// Parses the boolean core of the Monitro query language: words, "phrases", AND, OR, NOT, a leading
/// <c>-</c>, and parentheses, with precedence NOT &gt; AND &gt; OR and a space meaning AND.
/// </summary>
internal sealed class QueryParser
{
    private readonly string _query;
    private int _position;

    private QueryParser(string query) => _query = query;

    /// <summary>Parses a query.</summary>
    /// <exception cref="QuerySyntaxException">The query does not parse, or it only excludes.</exception>
    public static QueryNode Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parser = new QueryParser(query);
        parser.SkipSpaces();
        if (parser.AtEnd)
        {
            throw new QuerySyntaxException("expected a word or a phrase", query, 0);
        }

        var node = parser.ParseOr();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw parser.Error(parser.Peek() == ')' ? "unexpected ')' without a matching '('" : "expected AND, OR or the end of the query");
        }

        if (!HasPositiveTerm(node))
        {
            throw new QuerySyntaxException("the query only excludes; add a word or phrase it must contain", query, 0);
        }

        return node;
    }

    private bool AtEnd => _position >= _query.Length;

    private QueryNode ParseOr()
    {
        var children = new List<QueryNode> { ParseAnd() };
        while (TryKeyword("OR"))
        {
            children.Add(ParseAnd());
        }

        return children.Count == 1 ? children[0] : new OrNode(children);
    }

    private QueryNode ParseAnd()
    {
        var children = new List<QueryNode> { ParseUnary() };
        while (true)
        {
            SkipSpaces();
            if (AtEnd || Peek() == ')' || IsKeywordAhead("OR"))
            {
                break;
            }

            TryKeyword("AND");
            children.Add(ParseUnary());
        }

        return children.Count == 1 ? children[0] : new AndNode(children);
    }

    private QueryNode ParseUnary()
    {
        SkipSpaces();
        if (TryKeyword("NOT"))
        {
            return new NotNode(ParseUnary());
        }

        if (!AtEnd && Peek() == '-')
        {
            _position++;
            if (AtEnd || char.IsWhiteSpace(Peek()))
            {
                throw Error("expected a word, phrase or '(' right after '-'");
            }

            return new NotNode(ParseUnary());
        }

        return ParsePrimary();
    }

    private QueryNode ParsePrimary()
    {
        SkipSpaces();
        if (AtEnd)
        {
            throw Error("expected a word, a phrase or '('");
        }

        var c = Peek();
        if (c == '(')
        {
            _position++;
            var inner = ParseOr();
            SkipSpaces();
            if (AtEnd || Peek() != ')')
            {
                throw Error("expected ')'");
            }

            _position++;
            return inner;
        }

        if (c == '"')
        {
            return ParsePhrase();
        }

        if (c == ')')
        {
            throw Error("expected a word, a phrase or '(' before ')'");
        }

        if (IsKeywordAhead("AND") || IsKeywordAhead("OR"))
        {
            throw Error("expected a word, a phrase or '(' before the operator");
        }

        return ParseWord();
    }

    private QueryNode ParsePhrase()
    {
        var open = _position;
        _position++;
        var close = _query.IndexOf('"', _position);
        if (close < 0)
        {
            throw new QuerySyntaxException("expected a closing '\"'", _query, _query.Length);
        }

        var words = WordTokenizer.Tokenize(_query[_position..close]).ConvertAll(token => token.Word);
        _position = close + 1;
        if (words.Count == 0)
        {
            throw new QuerySyntaxException("the phrase has no words", _query, open);
        }

        return words.Count == 1 ? new TermNode(words[0]) : new PhraseNode(words);
    }

    private QueryNode ParseWord()
    {
        var start = _position;
        while (!AtEnd && !char.IsWhiteSpace(Peek()) && Peek() is not ('(' or ')' or '"'))
        {
            _position++;
        }

        var words = WordTokenizer.Tokenize(_query[start.._position]).ConvertAll(token => token.Word);
        if (words.Count == 0)
        {
            throw new QuerySyntaxException("expected a word with at least one letter or digit", _query, start);
        }

        return words.Count == 1 ? new TermNode(words[0]) : new PhraseNode(words);
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpaces();
        if (!IsKeywordAhead(keyword))
        {
            return false;
        }

        _position += keyword.Length;
        return true;
    }

    // Operators are upper case and stand alone: "or" and "ORACLE" are words.
    private bool IsKeywordAhead(string keyword) =>
        string.CompareOrdinal(_query, _position, keyword, 0, keyword.Length) == 0
        && (_position + keyword.Length == _query.Length || char.IsWhiteSpace(_query[_position + keyword.Length]) || _query[_position + keyword.Length] is '(' or '"' or '-');

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek()))
        {
            _position++;
        }
    }

    private char Peek() => _query[_position];

    private QuerySyntaxException Error(string reason) => new(reason, _query, _position);

    private static bool HasPositiveTerm(QueryNode node) => node switch
    {
        TermNode or PhraseNode => true,
        AndNode and => and.Children.Any(HasPositiveTerm),
        OrNode or => or.Children.All(HasPositiveTerm),
        _ => false,
    };
}
