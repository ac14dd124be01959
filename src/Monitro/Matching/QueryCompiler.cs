using Monitro.Text;

namespace Monitro.Matching;

/// <summary>Compiles queries: parses them, refuses those that cannot be indexed, and picks their index keys.</summary>
/// <remarks>
/// Key selection appends to one list instead of building a list per node: it runs once per watch when the watch is
/// compiled (to refuse queries that cannot be indexed) and again each time an index of it is built, so a compiled
/// watch does not have to keep its keys.
/// </remarks>
internal static class QueryCompiler
{
    /// <summary>Compiles a query into its checked tree.</summary>
    /// <exception cref="QuerySyntaxException">The query does not parse, only excludes, or has no indexable term.</exception>
    public static QueryNode Compile(string query) => Compile(query, terms: null);

    /// <summary>Compiles a query into its checked tree, taking its folded terms from <paramref name="terms"/>.</summary>
    /// <param name="query">The query.</param>
    /// <param name="terms">Where the folded terms of the queries compiled together come from, so that they share them; null for strings of this query's own.</param>
    /// <exception cref="QuerySyntaxException">The query does not parse, only excludes, or has no indexable term.</exception>
    public static QueryNode Compile(string query, TermInterner? terms)
    {
        var root = QueryParser.Parse(query, terms);
        if (!HasPositiveTerm(root, negated: false))
        {
            throw new QuerySyntaxException("the query only excludes; add a term to look for", query, root.Position);
        }

        return IsIndexable(root) ? root : throw new QuerySyntaxException(
            "every alternative of the query needs a word, phrase, hashtag, handle, cashtag, emoji, exact, author:, site: or url: term; lang:, source:, is: and exclusions only filter",
            query,
            root.Position);
    }

    /// <summary>
    /// Returns whether <see cref="AppendRequiredKeys"/> finds keys for a node, without choosing them: the node cannot
    /// match a post without one of its terms.
    /// </summary>
    public static bool IsIndexable(QueryNode node)
    {
        switch (node)
        {
            case AndNode and:
                foreach (var child in and.Children)
                {
                    if (IsIndexable(child))
                    {
                        return true;
                    }
                }

                return false;
            case NearNode near:
                return IsIndexable(near.Left) || IsIndexable(near.Right);
            case OrNode or:
                foreach (var child in or.Children)
                {
                    if (!IsIndexable(child))
                    {
                        return false;
                    }
                }

                return true;
            case NotNode { Child: NotNode doubled }:
                return IsIndexable(doubled.Child);
            case NotNode:
                return false;
            case FieldTerm field:
                return field.Field is QueryField.Author or QueryField.Site or QueryField.Url;
            default:
                return node is WordTerm or RunTerm or PhraseTerm or PrefixTerm or FuzzyTerm or EntityTerm or ExactTerm;
        }
    }

    private static bool HasPositiveTerm(QueryNode node, bool negated) => node switch
    {
        AndNode and => AnyPositiveTerm(and.Children, negated),
        OrNode or => AnyPositiveTerm(or.Children, negated),
        NotNode not => HasPositiveTerm(not.Child, !negated),
        _ => !negated,
    };

    private static bool AnyPositiveTerm(QueryNode[] children, bool negated)
    {
        foreach (var child in children)
        {
            if (HasPositiveTerm(child, negated))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Appends keys such that any post matching <paramref name="node"/> contains one of them (a key may come more
    /// than once); returns <see langword="false"/>, with <paramref name="keys"/> in an unspecified state, when no such
    /// set exists (the node can match a post without any term).
    /// </summary>
    public static bool AppendRequiredKeys(QueryNode node, List<IndexKey> keys)
    {
        switch (node)
        {
            case AndNode and:
                return AppendCheapest(and.Children, keys);
            case NearNode near:
                return AppendCheapest([near.Left, near.Right], keys);
            case OrNode or:
                foreach (var child in or.Children)
                {
                    if (!AppendRequiredKeys(child, keys))
                    {
                        return false;
                    }
                }

                return true;
            case NotNode { Child: NotNode doubled }:
                return AppendRequiredKeys(doubled.Child, keys);
            case NotNode:
                return false;
            case WordTerm word:
                keys.Add(new IndexKey(IndexKeyKind.Word, word.Text));
                if (word.MatchesInsideEntities)
                {
                    keys.Add(new IndexKey(IndexKeyKind.EntitySubstring, word.Text));
                }

                return true;
            case RunTerm run:
                keys.Add(new IndexKey(IndexKeyKind.Substring, run.Text));
                return true;
            case PhraseTerm phrase:
                var cheapest = ElementKey(phrase.Elements[0]);
                var cheapestCost = cheapest.Cost;
                for (var i = 1; i < phrase.Elements.Length; i++)
                {
                    var key = ElementKey(phrase.Elements[i]);
                    var cost = key.Cost;
                    if (cost < cheapestCost)
                    {
                        (cheapest, cheapestCost) = (key, cost);
                    }
                }

                keys.Add(cheapest);
                return true;
            case PrefixTerm prefix:
                keys.Add(new IndexKey(IndexKeyKind.Prefix, prefix.Prefix));
                return true;
            case FuzzyTerm fuzzy:
                keys.Add(new IndexKey(IndexKeyKind.Fuzzy, fuzzy.Text, fuzzy.MaxEdits));
                return true;
            case EntityTerm entity:
                keys.Add(ElementKey(new PhraseElement(entity.Kind, entity.Key)));
                return true;
            case ExactTerm exact:
                keys.Add(new IndexKey(IndexKeyKind.Exact, exact.FoldedLiteral));
                return true;
            case FieldTerm { Field: QueryField.Author } author:
                keys.Add(new IndexKey(IndexKeyKind.Author, author.Value));
                return true;
            case FieldTerm { Field: QueryField.Site } site:
                keys.Add(new IndexKey(IndexKeyKind.Domain, DomainNames.RegistrableDomain(site.Value).ToString()));
                return true;
            case FieldTerm { Field: QueryField.Url } url:
                keys.Add(new IndexKey(IndexKeyKind.Domain, DomainNames.RegistrableDomain(UrlHost(url.Value)).ToString()));
                return true;
            default:
                return false;
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

    // Appends the keys of the child whose keys cost least in total (the first of equals), if any child has keys:
    // each child's keys are appended after the best so far and either replace it or are dropped.
    private static bool AppendCheapest(ReadOnlySpan<QueryNode> children, List<IndexKey> keys)
    {
        var start = keys.Count;
        var bestCost = double.MaxValue;
        var found = false;
        foreach (var child in children)
        {
            var childStart = keys.Count;
            if (!AppendRequiredKeys(child, keys))
            {
                keys.RemoveRange(childStart, keys.Count - childStart);
                continue;
            }

            var cost = 0.0;
            for (var i = childStart; i < keys.Count; i++)
            {
                cost += keys[i].Cost;
            }

            if (cost < bestCost)
            {
                keys.RemoveRange(start, childStart - start);
                bestCost = cost;
                found = true;
            }
            else
            {
                keys.RemoveRange(childStart, keys.Count - childStart);
            }
        }

        return found;
    }
}
