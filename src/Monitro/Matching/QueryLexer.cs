using System.Globalization;

namespace Monitro.Matching;

/// <summary>The kinds of lexical tokens of a query.</summary>
internal enum QueryTokenKind
{
    /// <summary>The end of the query.</summary>
    End,

    /// <summary><c>(</c>.</summary>
    Open,

    /// <summary><c>)</c>.</summary>
    Close,

    /// <summary><c>AND</c>.</summary>
    And,

    /// <summary><c>OR</c>.</summary>
    Or,

    /// <summary><c>NOT</c>.</summary>
    Not,

    /// <summary>A <c>-</c> directly before a term.</summary>
    Minus,

    /// <summary><c>NEAR/n</c> or <c>ONEAR/n</c>.</summary>
    Near,

    /// <summary>A quoted phrase, optionally with <c>~n</c>.</summary>
    Phrase,

    /// <summary><c>!"…"</c> or <c>raw:…</c>.</summary>
    Exact,

    /// <summary>Anything else up to whitespace, parentheses or quotes.</summary>
    Bare,
}

/// <summary>A lexical token of a query.</summary>
/// <remarks>
/// The token's text stays a slice of the query: most terms are plain words whose folded key is made straight from
/// the slice, so no string of the token's own is made for them.
/// </remarks>
/// <param name="Kind">The kind.</param>
/// <param name="Position">Where it starts in the query.</param>
/// <param name="TextStart">Where its text (phrase content without quotes, bare term, exact literal) starts in the query.</param>
/// <param name="TextLength">The length of its text.</param>
/// <param name="Number">The slop of a phrase (-1 when none) or the distance of NEAR.</param>
/// <param name="Ordered">Whether a NEAR is ONEAR.</param>
internal readonly record struct QueryToken(QueryTokenKind Kind, int Position, int TextStart = 0, int TextLength = 0, int Number = -1, bool Ordered = false)
{
    /// <summary>Gets the token's text in <paramref name="query"/>, the query it was read from.</summary>
    public ReadOnlySpan<char> TextIn(string query) => query.AsSpan(TextStart, TextLength);
}

/// <summary>Splits a query into lexical tokens.</summary>
internal sealed class QueryLexer(string query)
{
    /// <summary>The largest NEAR distance or phrase slop.</summary>
    public const int MaxDistance = 1000;

    private int _index;

    /// <summary>Reads the next token.</summary>
    /// <exception cref="QuerySyntaxException">A phrase is not closed, or a number is missing or too large.</exception>
    public QueryToken Next()
    {
        while (_index < query.Length && char.IsWhiteSpace(query[_index]))
        {
            _index++;
        }

        if (_index >= query.Length)
        {
            return new QueryToken(QueryTokenKind.End, query.Length);
        }

        var start = _index;
        var c = query[_index];
        switch (c)
        {
            case '(':
                _index++;
                return new QueryToken(QueryTokenKind.Open, start);
            case ')':
                _index++;
                return new QueryToken(QueryTokenKind.Close, start);
            case '-':
                if (_index + 1 >= query.Length || char.IsWhiteSpace(query[_index + 1]) || query[_index + 1] == ')')
                {
                    throw Error("expected a term after '-'", _index + 1);
                }

                _index++;
                return new QueryToken(QueryTokenKind.Minus, start);
            case '!' when _index + 1 < query.Length && IsQuote(query[_index + 1]):
                _index++;
                var (literalStart, literalLength) = ReadQuoted();
                return new QueryToken(QueryTokenKind.Exact, start, literalStart, literalLength);
        }

        if (IsQuote(c))
        {
            var (textStart, textLength) = ReadQuoted();
            return new QueryToken(QueryTokenKind.Phrase, start, textStart, textLength, ReadSlop());
        }

        while (_index < query.Length && !char.IsWhiteSpace(query[_index]) && query[_index] is not ('(' or ')') && !IsQuote(query[_index]))
        {
            _index++;
        }

        // Operators are recognized before a string is made for the term.
        switch (query.AsSpan(start, _index - start))
        {
            case "AND" or "&&":
                return new QueryToken(QueryTokenKind.And, start);
            case "OR" or "||":
                return new QueryToken(QueryTokenKind.Or, start);
            case "NOT":
                return new QueryToken(QueryTokenKind.Not, start);
        }

        var bare = query.AsSpan(start, _index - start);
        if (bare.Equals("raw:", StringComparison.OrdinalIgnoreCase) && _index < query.Length && IsQuote(query[_index]))
        {
            var (literalStart, literalLength) = ReadQuoted();
            return new QueryToken(QueryTokenKind.Exact, start, literalStart, literalLength);
        }

        if (bare.StartsWith("raw:", StringComparison.OrdinalIgnoreCase))
        {
            if (bare.Length == 4)
            {
                throw Error("expected a value after 'raw:'", _index);
            }

            return new QueryToken(QueryTokenKind.Exact, start, start + 4, bare.Length - 4);
        }

        return bare.StartsWith("NEAR", StringComparison.Ordinal) || bare.StartsWith("ONEAR", StringComparison.Ordinal)
            ? ReadNear(bare, start)
            : new QueryToken(QueryTokenKind.Bare, start, start, bare.Length);
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E';

    private QueryToken ReadNear(ReadOnlySpan<char> bare, int start)
    {
        var ordered = bare[0] == 'O';
        var keyword = ordered ? "ONEAR" : "NEAR";
        if (bare.Length == keyword.Length)
        {
            throw Error($"expected '/n' after '{keyword}' (for example {keyword}/3)", start + bare.Length);
        }

        if (bare[keyword.Length] != '/')
        {
            // A word that merely starts with the letters NEAR, such as NEARBY.
            return new QueryToken(QueryTokenKind.Bare, start, start, bare.Length);
        }

        var digits = bare[(keyword.Length + 1)..];
        if (digits.IsEmpty || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var distance))
        {
            throw Error($"expected a number after '{keyword}/'", start + keyword.Length + 1);
        }

        if (distance > MaxDistance)
        {
            throw Error($"the distance of {keyword} must be at most {MaxDistance}", start + keyword.Length + 1);
        }

        return new QueryToken(QueryTokenKind.Near, start, start, bare.Length, distance, ordered);
    }

    // Reads a quoted text; returns where its content starts in the query and its length.
    private (int Start, int Length) ReadQuoted()
    {
        var open = _index;
        _index++;
        var close = _index;
        while (close < query.Length && !IsQuote(query[close]))
        {
            close++;
        }

        if (close >= query.Length)
        {
            throw Error("expected '\"' to close the phrase", query.Length);
        }

        _index = close + 1;
        if (query.AsSpan(open + 1, close - open - 1).IsWhiteSpace())
        {
            throw Error("empty phrase", open);
        }

        return (open + 1, close - open - 1);
    }

    private int ReadSlop()
    {
        if (_index >= query.Length || query[_index] != '~')
        {
            return -1;
        }

        var digitsStart = ++_index;
        while (_index < query.Length && char.IsAsciiDigit(query[_index]))
        {
            _index++;
        }

        if (_index == digitsStart || (_index - digitsStart) > 4)
        {
            throw Error("expected a number after '~'", digitsStart);
        }

        var slop = int.Parse(query.AsSpan(digitsStart, _index - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture);
        if (slop > MaxDistance)
        {
            throw Error($"the slop of a phrase must be at most {MaxDistance}", digitsStart);
        }

        return slop;
    }

    private QuerySyntaxException Error(string reason, int position) => new(reason, query, position);
}
