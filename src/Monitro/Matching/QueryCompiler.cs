using Monitro.Text;

namespace Monitro.Matching;

/// <summary>A query parsed, checked and reduced to the keys it is indexed by.</summary>
/// <param name="Root">The query tree.</param>
/// <param name="Keys">Keys such that every matching post has at least one of them.</param>
internal sealed record CompiledQuery(QueryNode Root, IndexKey[] Keys);

/// <summary>Compiles queries: parses them, refuses those that cannot be indexed, and picks their index keys.</summary>
internal static class QueryCompiler
{
    /// <summary>Compiles a query.</summary>
    /// <exception cref="QuerySyntaxException">The query does not parse, only excludes, or has no indexable term.</exception>
    public static CompiledQuery Compile(string query)
    {
        var root = QueryParser.Parse(query);
        if (!HasPositiveTerm(root, negated: false))
        {
            throw new QuerySyntaxException("the query only excludes; add a term to look for", query, root.Position);
        }

        var keys = RequiredKeys(root) ?? throw new QuerySyntaxException(
            "every alternative of the query needs a word, phrase, hashtag, handle, cashtag, emoji, exact, author:, site: or url: term; lang:, source:, is: and exclusions only filter",
            query,
            root.Position);
        return new CompiledQuery(root, [.. keys.Distinct()]);
    }

    private static bool HasPositiveTerm(QueryNode node, bool negated) => node switch
    {
        AndNode and => and.Children.Any(c => HasPositiveTerm(c, negated)),
        OrNode or => or.Children.Any(c => HasPositiveTerm(c, negated)),
        NotNode not => HasPositiveTerm(not.Child, !negated),
        NearNode => !negated,
        _ => !negated,
    };

    /// <summary>
    /// Returns keys such that any post matching <paramref name="node"/> contains one of them, or
    /// <see langword="null"/> when no such set exists (the node can match a post without any term).
    /// </summary>
    public static List<IndexKey>? RequiredKeys(QueryNode node)
    {
        switch (node)
        {
            case AndNode and:
                return Cheapest(and.Children.Select(RequiredKeys));
            case NearNode near:
                return Cheapest([RequiredKeys(near.Left), RequiredKeys(near.Right)]);
            case OrNode or:
                var union = new List<IndexKey>();
                foreach (var child in or.Children)
                {
                    var keys = RequiredKeys(child);
                    if (keys is null)
                    {
                        return null;
                    }

                    union.AddRange(keys);
                }

                return union;
            case NotNode { Child: NotNode doubled }:
                return RequiredKeys(doubled.Child);
            case NotNode:
                return null;
            case WordTerm word:
                return word.MatchesInsideEntities
                    ? [new IndexKey(IndexKeyKind.Word, word.Text), new IndexKey(IndexKeyKind.EntitySubstring, word.Text)]
                    : [new IndexKey(IndexKeyKind.Word, word.Text)];
            case RunTerm run:
                return [new IndexKey(IndexKeyKind.Substring, run.Text)];
            case PhraseTerm phrase:
                return phrase.Elements.Select(e => new List<IndexKey> { ElementKey(e) }).MinBy(k => k[0].Cost);
            case PrefixTerm prefix:
                return [new IndexKey(IndexKeyKind.Prefix, prefix.Prefix)];
            case FuzzyTerm fuzzy:
                return [new IndexKey(IndexKeyKind.Fuzzy, fuzzy.Text, fuzzy.MaxEdits)];
            case EntityTerm entity:
                return [ElementKey(new PhraseElement(entity.Kind, entity.Key))];
            case ExactTerm exact:
                return [new IndexKey(IndexKeyKind.Exact, exact.FoldedLiteral)];
            case FieldTerm { Field: QueryField.Author } author:
                return [new IndexKey(IndexKeyKind.Author, author.Value)];
            case FieldTerm { Field: QueryField.Site } site:
                return [new IndexKey(IndexKeyKind.Domain, DomainNames.RegistrableDomain(site.Value).ToString())];
            case FieldTerm { Field: QueryField.Url } url:
                return [new IndexKey(IndexKeyKind.Domain, DomainNames.RegistrableDomain(UrlHost(url.Value)).ToString())];
            default:
                return null;
        }
    }

    /// <summary>Gets the host part of a URL key (without scheme).</summary>
    public static ReadOnlySpan<char> UrlHost(ReadOnlySpan<char> url)
    {
        var end = url.IndexOfAny('/', '?', '#');
        var host = end < 0 ? url : url[..end];
        var colon = host.IndexOf(':');
        return colon < 0 ? host : host[..colon];
    }

    private static IndexKey ElementKey(PhraseElement element) => element.Kind switch
    {
        TokenKind.Word => new IndexKey(IndexKeyKind.Word, element.Key),
        TokenKind.Run => new IndexKey(IndexKeyKind.Substring, element.Key),
        TokenKind.Hashtag => new IndexKey(IndexKeyKind.Hashtag, element.Key),
        TokenKind.Mention => new IndexKey(IndexKeyKind.Mention, element.Key),
        TokenKind.Cashtag => new IndexKey(IndexKeyKind.Cashtag, element.Key),
        TokenKind.Emoji => new IndexKey(IndexKeyKind.Emoji, element.Key),
        TokenKind.Url => new IndexKey(IndexKeyKind.Url, element.Key),
        TokenKind.Email => new IndexKey(IndexKeyKind.Email, element.Key),
        _ => throw new InvalidOperationException($"No index key for {element.Kind}."),
    };

    private static List<IndexKey>? Cheapest(IEnumerable<List<IndexKey>?> alternatives)
    {
        List<IndexKey>? best = null;
        var bestCost = double.MaxValue;
        foreach (var keys in alternatives)
        {
            if (keys is null)
            {
                continue;
            }

            var cost = 0.0;
            foreach (var key in keys)
            {
                cost += key.Cost;
            }

            if (cost < bestCost)
            {
                best = keys;
                bestCost = cost;
            }
        }

        return best;
    }
}
