using System.Globalization;
using System.Text;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>Turns the terms of a query into tree nodes, analyzing their text exactly as post text is analyzed.</summary>
internal static class TermAnalyzer
{
    private static readonly string[] FieldNames = ["author", "site", "url", "lang", "source", "is"];

    // The longest plain word folded on the stack; a longer one goes through the analysis.
    private const int MaxPlainWordLength = 128;

    // Query terms are short; one analysis buffer and one element list per thread serve them all.
    [ThreadStatic]
    private static TextAnalysis? t_analysis;

    [ThreadStatic]
    private static List<PhraseElement>? t_elements;

    /// <summary>Returns whether a bare term is a field name followed by a colon and nothing else (a quoted value follows).</summary>
    public static bool IsFieldWithoutValue(ReadOnlySpan<char> bare) => bare.Length > 1 && bare[^1] == ':' && IsFieldName(bare[..^1]);

    private static bool IsFieldName(ReadOnlySpan<char> name)
    {
        foreach (var field in FieldNames)
        {
            if (name.Equals(field, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Builds the node of an unquoted term.</summary>
    /// <param name="query">The query.</param>
    /// <param name="token">The term's token.</param>
    /// <param name="terms">Where folded terms come from (shared by the queries compiled together), or null.</param>
    public static QueryNode FromBare(string query, QueryToken token, TermInterner? terms = null)
    {
        var position = token.Position;
        if (IsPlainWord(token.TextIn(query)))
        {
            // Most terms: analyzing them would find the one word they are.
            return new WordTerm(position, PlainKey(token.TextIn(query), terms));
        }

        var text = token.TextIn(query).ToString();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && IsFieldName(text.AsSpan(0, colon)))
        {
            return FromField(query, position, text[..colon], text[(colon + 1)..], position + colon + 1);
        }

        if (text.Length > 1 && text[0] is '#' or '@' or '$' or '\uFF03' or '\uFF20' or '\uFF04')
        {
            return FromEntity(query, position, text);
        }

        var star = text.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            if (star != text.Length - 1)
            {
                throw new QuerySyntaxException("a wildcard '*' is only allowed at the end of a word", query, position + star);
            }

            var prefix = SingleWord(query, position, text[..^1], "a wildcard applies to one word", terms);
            if (prefix.Length < PrefixTerm.MinLength)
            {
                throw new QuerySyntaxException($"a wildcard needs at least {PrefixTerm.MinLength} letters before '*'", query, position);
            }

            return new PrefixTerm(position, prefix);
        }

        var tilde = text.LastIndexOf('~');
        if (tilde > 0)
        {
            return FromFuzzy(query, position, text, tilde, terms);
        }

        return FromElements(query, position, Elements(text, terms));
    }

    /// <summary>
    /// Builds the node of a quoted phrase. A single element is a plain term, except that a quoted word matches whole
    /// words and whole hashtag or handle parts only (<c>"sale"</c> matches <c>#Black_Friday_Sale</c>, not <c>#wholesale</c> or <c>#flashsale</c>).
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="token">The phrase's token.</param>
    /// <param name="terms">Where folded terms come from (shared by the queries compiled together), or null.</param>
    public static QueryNode FromPhrase(string query, QueryToken token, TermInterner? terms = null)
    {
        var text = token.TextIn(query);
        var elements = PlainWords(text, terms) ?? Elements(text.ToString(), terms);
        if (elements.Count > 1)
        {
            return new PhraseTerm(token.Position, [.. elements], Math.Max(0, token.Number));
        }

        var node = FromElements(query, token.Position, elements);
        return node is WordTerm word ? word with { WholeOnly = true } : node;
    }

    /// <summary>Builds the node of an exact (case- and punctuation-sensitive) term.</summary>
    public static QueryNode FromExact(string query, QueryToken token)
    {
        var term = new ExactTerm(token.Position, token.TextIn(query).ToString());
        if (term.FoldedLiteral.Length == 0 || string.IsNullOrWhiteSpace(term.FoldedLiteral))
        {
            throw new QuerySyntaxException("an exact term needs visible characters", query, token.Position);
        }

        return term;
    }

    /// <summary>Builds the node of a metadata filter.</summary>
    public static QueryNode FromField(string query, int position, string name, string value, int valuePosition)
    {
        var field = name.ToLowerInvariant();
        value = value.Trim();
        if (value.Length == 0)
        {
            throw new QuerySyntaxException($"expected a value after '{field}:'", query, valuePosition);
        }

        switch (field)
        {
            case "author":
                var handle = TextFolder.FoldToString(value.TrimStart('@'));
                if (handle.Length == 0)
                {
                    throw new QuerySyntaxException("expected a handle after 'author:'", query, valuePosition);
                }

                return new FieldTerm(position, QueryField.Author, handle);
            case "site":
                var site = StripScheme(value.ToLowerInvariant()).TrimEnd('/');
                if (!IsDomain(site))
                {
                    throw new QuerySyntaxException("expected a domain such as acme.com after 'site:'", query, valuePosition);
                }

                if (DomainNames.IsPublicSuffix(site))
                {
                    throw new QuerySyntaxException($"'{site}' is a public suffix; name a domain under it, such as acme.{site}", query, valuePosition);
                }

                return new FieldTerm(position, QueryField.Site, site);
            case "url":
                var url = StripScheme(value.ToLowerInvariant());
                if (!IsDomain(QueryCompiler.UrlHost(url).ToString()) || !HasValidPort(url))
                {
                    throw new QuerySyntaxException("expected an address such as acme.com/blog after 'url:'", query, valuePosition);
                }

                return new FieldTerm(position, QueryField.Url, url);
            case "lang":
                return new FieldTerm(position, QueryField.Lang, value.ToLowerInvariant());
            case "source":
                return new FieldTerm(position, QueryField.Source, value.ToLowerInvariant());
            default:
                return value.ToLowerInvariant() switch
                {
                    "reply" => new FieldTerm(position, QueryField.IsReply, "reply"),
                    "repost" => new FieldTerm(position, QueryField.IsRepost, "repost"),
                    _ => throw new QuerySyntaxException("expected 'reply' or 'repost' after 'is:'", query, valuePosition),
                };
        }
    }

    /// <summary>Removes a scheme and a leading <c>www.</c> from a lower-case address.</summary>
    public static string StripScheme(string value)
    {
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            value = value[(schemeEnd + 3)..];
        }

        return value.StartsWith("www.", StringComparison.Ordinal) ? value[4..] : value;
    }

    // Host names may have underscores in subdomains (sub_domain.acme.com).
    private static bool IsDomain(string host)
    {
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < host.Length - 1 && !host.Contains("..", StringComparison.Ordinal)
            && host.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_');
    }

    // A port after the host is digits only (acme.com:3000/blog).
    private static bool HasValidPort(string url)
    {
        var end = url.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? url : url[..end];
        var colon = authority.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 || (colon < authority.Length - 1 && authority[(colon + 1)..].All(char.IsAsciiDigit));
    }

    private static EntityTerm FromEntity(string query, int position, string text)
    {
        var analysis = t_analysis ??= new TextAnalysis();
        analysis.Analyze(text);
        var tokens = analysis.Tokens;
        var kind = text[0] switch
        {
            '#' or '\uFF03' => TokenKind.Hashtag,
            '@' or '\uFF20' => TokenKind.Mention,
            _ => TokenKind.Cashtag,
        };
        var name = kind switch
        {
            TokenKind.Hashtag => "hashtag",
            TokenKind.Mention => "handle",
            _ => "cashtag",
        };
        if (tokens.Length == 0 || tokens[0].Kind != kind || tokens[0].OriginalStart != 0)
        {
            throw new QuerySyntaxException($"'{text}' is not a valid {name}", query, position);
        }

        var entity = tokens[0];
        var rest = text[(entity.OriginalStart + entity.OriginalLength)..];
        if (rest.Length > 0 && rest is not ("'s" or "\u2019s"))
        {
            throw new QuerySyntaxException($"unexpected '{rest}' after the {name}", query, position + entity.OriginalLength);
        }

        return new EntityTerm(position, kind, analysis.KeyString(entity));
    }

    private static FuzzyTerm FromFuzzy(string query, int position, string text, int tilde, TermInterner? terms)
    {
        var digits = text.AsSpan(tilde + 1);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var edits) || digits.Length > 2)
        {
            throw new QuerySyntaxException("expected 1 or 2 after '~'", query, position + tilde + 1);
        }

        if (edits is not (1 or 2))
        {
            throw new QuerySyntaxException("the edit distance of a fuzzy term must be 1 or 2", query, position + tilde + 1);
        }

        var word = SingleWord(query, position, text[..tilde], "a fuzzy term must be one word", terms);
        if (word.EnumerateRunes().Count() < FuzzyTerm.MinLength)
        {
            throw new QuerySyntaxException($"a fuzzy term needs a word of at least {FuzzyTerm.MinLength} letters", query, position);
        }

        if (word.Length > FuzzyTerm.MaxLength)
        {
            throw new QuerySyntaxException($"a fuzzy term can have at most {FuzzyTerm.MaxLength} letters", query, position);
        }

        return new FuzzyTerm(position, word, edits);
    }

    private static string SingleWord(string query, int position, string text, string reason, TermInterner? terms)
    {
        var elements = Elements(text, terms);
        if (elements.Count != 1 || elements[0].Kind != TokenKind.Word)
        {
            throw new QuerySyntaxException(reason, query, position);
        }

        return elements[0].Key;
    }

    private static QueryNode FromElements(string query, int position, List<PhraseElement> elements)
    {
        if (elements.Count == 0)
        {
            throw new QuerySyntaxException("expected a term with letters, digits or emoji", query, position);
        }

        if (elements.Count > 1)
        {
            return new PhraseTerm(position, [.. elements], 0);
        }

        var element = elements[0];
        return element.Kind switch
        {
            // A joined term (c#, asp.net) is one token, never part of a longer one: "c#" and c# mean the same.
            TokenKind.Word => new WordTerm(position, element.Key, WholeOnly: SocialTokenizer.IsJoined(element.Key)),
            TokenKind.Run => new RunTerm(position, element.Key),
            _ => new EntityTerm(position, element.Kind, element.Key),
        };
    }

    /// <summary>Returns whether a term is a plain word: ASCII letters and digits only, whose analysis is one word token, its lower case.</summary>
    /// <remarks>A loop of the library's own, so that it is precompiled with it (as are the loops below).</remarks>
    internal static bool IsPlainWord(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > MaxPlainWordLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // The folded key of a plain word: its lower case.
    private static string PlainKey(ReadOnlySpan<char> word, TermInterner? terms)
    {
        Span<char> folded = stackalloc char[word.Length];
        Ascii.ToLower(word, folded, out _);
        return terms?.Intern(folded) ?? folded.ToString();
    }

    /// <summary>
    /// Returns the elements of a text of plain words separated by spaces (<see cref="IsPlainWord"/>), which are those words
    /// folded, without analyzing it; null for any other text.
    /// </summary>
    /// <remarks>The list is this thread's, as that of <see cref="Elements"/>.</remarks>
    internal static List<PhraseElement>? PlainWords(ReadOnlySpan<char> text, TermInterner? terms)
    {
        // Checked whole first, so a text that is not plain costs no folded word.
        var words = 0;
        for (var rest = text.TrimStart(' '); !rest.IsEmpty; rest = rest.TrimStart(' '))
        {
            var end = rest.IndexOf(' ');
            var word = end < 0 ? rest : rest[..end];
            if (!IsPlainWord(word))
            {
                return null;
            }

            words++;
            rest = rest[word.Length..];
        }

        if (words == 0)
        {
            return null;
        }

        var elements = t_elements ??= [];
        elements.Clear();
        for (var rest = text.TrimStart(' '); !rest.IsEmpty; rest = rest.TrimStart(' '))
        {
            var end = rest.IndexOf(' ');
            var word = end < 0 ? rest : rest[..end];
            elements.Add(new PhraseElement(TokenKind.Word, PlainKey(word, terms)));
            rest = rest[word.Length..];
        }

        return elements;
    }

    /// <summary>Analyzes text into the elements that occupy word positions (hashtags and handles give their parts).</summary>
    /// <remarks>The list is this thread's and is overwritten by the next call: read or copy it before then.</remarks>
    public static List<PhraseElement> Elements(string text, TermInterner? terms = null)
    {
        var analysis = t_analysis ??= new TextAnalysis();
        analysis.Analyze(text);
        var elements = t_elements ??= [];
        elements.Clear();
        var lastEmojiPosition = -1;
        var joinedEnd = -1;
        foreach (ref readonly var token in analysis.Tokens)
        {
            // A joined term (c#, .net, node.js, acme.com) stands for the words and the link inside it: c# is not c.
            if (token.KeyStart < joinedEnd && token.Kind is TokenKind.Word or TokenKind.Url)
            {
                continue;
            }

            if (token.Kind == TokenKind.Word && SocialTokenizer.IsJoined(analysis.Key(token)))
            {
                joinedEnd = token.KeyStart + token.KeyLength;
            }

            switch (token.Kind)
            {
                case TokenKind.Hashtag or TokenKind.Mention or TokenKind.Host or TokenKind.Domain:
                    continue;
                case TokenKind.Emoji when token.Position == lastEmojiPosition:
                    continue;
                case TokenKind.Emoji:
                    lastEmojiPosition = token.Position;
                    break;
            }

            if (token.KeyLength > 0)
            {
                elements.Add(new PhraseElement(token.Kind, terms?.Intern(analysis.Key(token)) ?? analysis.KeyString(token)));
            }
        }

        return elements;
    }
}
