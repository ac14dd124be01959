using System.Runtime.CompilerServices;
using System.Text;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>An occurrence of a query part in a post: word positions and the original-text range.</summary>
/// <param name="Start">The first word position, or -1 when the occurrence has no position.</param>
/// <param name="End">The last word position, or -1.</param>
/// <param name="OriginalStart">The start in the original text, or -1 when the occurrence is not in the text.</param>
/// <param name="OriginalEnd">The end in the original text, or -1.</param>
internal readonly record struct Hit(int Start, int End, int OriginalStart, int OriginalEnd)
{
    /// <summary>An occurrence with neither position nor text (a metadata filter that holds).</summary>
    public static Hit Metadata => new(-1, -1, -1, -1);

    /// <summary>Creates the occurrence of one token.</summary>
    public static Hit Of(in Token token) =>
        new(token.Position, token.LastPosition, token.OriginalStart, token.OriginalStart < 0 ? -1 : token.OriginalStart + token.OriginalLength);
}

/// <summary>
/// Evaluates a query tree against one analyzed post by scanning its tokens. Used to verify the candidates the
/// index selects; an instance keeps scratch lists and is used by one thread at a time.
/// </summary>
internal sealed class QueryEvaluator
{
    private readonly Stack<List<Hit>> _pool = new();

    /// <summary>Returns whether the post matches the node.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Evaluate(QueryNode node, PostContext post)
    {
        switch (node)
        {
            case AndNode and:
                foreach (var child in and.Children)
                {
                    if (!Evaluate(child, post))
                    {
                        return false;
                    }
                }

                return true;
            case OrNode or:
                foreach (var child in or.Children)
                {
                    if (Evaluate(child, post))
                    {
                        return true;
                    }
                }

                return false;
            case NotNode not:
                return !Evaluate(not.Child, post);
            case FieldTerm field:
                return MatchesField(field, post);
            case WordTerm word:
                return post.Terms.Find(TokenKind.Word, word.Text) >= 0 || (word.MatchesInsideEntities && post.Terms.HasEntityParts && EntityWordMatcher.Occurs(word.Text, post.Analysis));
            case EntityTerm entity:
                return post.Terms.Find(entity.Kind, entity.Key) >= 0;
            default:
                var hits = Rent();
                AddHits(node, post, hits);
                var any = hits.Count > 0;
                Return(hits);
                return any;
        }
    }

    /// <summary>
    /// Adds the original-text spans of the positive parts of a matching node: every occurrence in the text of its
    /// terms, phrases (first to last word of each window), exact literals and NEARs (first to last word of each pair
    /// close enough), in OR alternatives that hold; nothing under NOT unless the NOT is doubled, nothing for filters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CollectSpans(QueryNode node, PostContext post, List<MatchSpan> spans)
    {
        switch (node)
        {
            case AndNode and:
                foreach (var child in and.Children)
                {
                    CollectSpans(child, post, spans);
                }

                break;
            case OrNode or:
                foreach (var child in or.Children)
                {
                    if (Evaluate(child, post))
                    {
                        CollectSpans(child, post, spans);
                    }
                }

                break;
            case NotNode { Child: NotNode doubled }:
                // NOT NOT x is x (the compiler indexes it by x's keys too).
                CollectSpans(doubled.Child, post, spans);
                break;
            case NotNode or FieldTerm:
                break;
            default:
                var hits = Rent();
                AddHits(node, post, hits);
                foreach (var hit in hits)
                {
                    if (hit.OriginalStart >= 0)
                    {
                        spans.Add(new MatchSpan(hit.OriginalStart, hit.OriginalEnd - hit.OriginalStart));
                    }
                }

                Return(hits);
                break;
        }
    }

    /// <summary>Adds the occurrences of a term, phrase, NEAR or OR-group of them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddHits(QueryNode node, PostContext post, List<Hit> hits)
    {
        var analysis = post.Analysis;
        switch (node)
        {
            case WordTerm word:
                AddWordHits(word, post, hits);
                break;
            case RunTerm run:
                AddTokenHits(analysis, TokenKind.Run, run.Text, static (key, text) => key.Contains(text, StringComparison.Ordinal), hits);
                break;
            case EntityTerm entity:
                for (var i = post.Terms.Find(entity.Kind, entity.Key); i >= 0; i = post.Terms.Find(entity.Kind, entity.Key, i))
                {
                    hits.Add(Hit.Of(analysis.Tokens[i]));
                }

                break;
            case PrefixTerm prefix:
                AddTokenHits(analysis, TokenKind.Word, prefix.Prefix, static (key, text) => key.StartsWith(text, StringComparison.Ordinal), hits);
                break;
            case FuzzyTerm fuzzy:
                foreach (ref readonly var token in analysis.Tokens)
                {
                    if (token.Kind == TokenKind.Word && Levenshtein.IsWithin(analysis.Key(token), fuzzy.Text, fuzzy.MaxEdits))
                    {
                        hits.Add(Hit.Of(token));
                    }
                }

                break;
            case PhraseTerm phrase:
                AddPhraseHits(phrase, post, hits);
                break;
            case ExactTerm exact:
                AddExactHits(exact.Literal, post.Post.Text ?? string.Empty, hits);
                break;
            case NearNode near:
                AddNearHits(near, post, hits);
                break;
            case OrNode or:
                foreach (var child in or.Children)
                {
                    AddHits(child, post, hits);
                }

                break;
            case FieldTerm field:
                if (MatchesField(field, post))
                {
                    hits.Add(Hit.Metadata);
                }

                break;
            default:
                if (Evaluate(node, post))
                {
                    hits.Add(Hit.Metadata);
                }

                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddWordHits(WordTerm word, PostContext post, List<Hit> hits)
    {
        var analysis = post.Analysis;
        var tokens = analysis.Tokens;
        for (var i = post.Terms.Find(TokenKind.Word, word.Text); i >= 0; i = post.Terms.Find(TokenKind.Word, word.Text, i))
        {
            hits.Add(Hit.Of(tokens[i]));
        }

        if (word.MatchesInsideEntities && post.Terms.HasEntityParts)
        {
            EntityWordMatcher.AddHits(word.Text, analysis, hits);
        }
    }

    /// <summary>Returns whether a phrase element matches a token.</summary>
    public static bool MatchesElement(in PhraseElement element, in Token token, ReadOnlySpan<char> key) =>
        token.Kind == element.Kind && token.Position >= 0
        && (element.Kind == TokenKind.Run ? key.Contains(element.Key, StringComparison.Ordinal) : key.SequenceEqual(element.Key));

    /// <summary>Returns whether a metadata filter holds for the post.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool MatchesField(FieldTerm field, PostContext post)
    {
        var value = field.Value;
        switch (field.Field)
        {
            case QueryField.Author:
                return post.AuthorHandle == value || post.AuthorLocalPart == value;
            case QueryField.Site:
                foreach (ref readonly var token in post.Analysis.Tokens)
                {
                    if (token.Kind == TokenKind.Host && IsSameOrSubdomain(post.Analysis.Key(token), value))
                    {
                        return true;
                    }
                }

                return false;
            case QueryField.Url:
                var host = QueryCompiler.UrlHost(value);
                foreach (ref readonly var token in post.Analysis.Tokens)
                {
                    var key = post.Analysis.Key(token);
                    if (token.Kind == TokenKind.Url && key.StartsWith(value, StringComparison.Ordinal) && QueryCompiler.UrlHost(key).SequenceEqual(host))
                    {
                        return true;
                    }
                }

                return false;
            case QueryField.Lang:
                var language = post.Post.Language.AsSpan();
                return language.Equals(value, StringComparison.OrdinalIgnoreCase)
                    || (language.Length > value.Length && language[value.Length] == '-' && language.StartsWith(value, StringComparison.OrdinalIgnoreCase));
            case QueryField.Source:
                return string.Equals(post.Post.Source, value, StringComparison.OrdinalIgnoreCase);
            case QueryField.IsReply:
                return post.Post.IsReply;
            default:
                return post.Post.IsRepost;
        }
    }

    /// <summary>Returns whether a host is the domain or one of its subdomains.</summary>
    public static bool IsSameOrSubdomain(ReadOnlySpan<char> host, ReadOnlySpan<char> domain) =>
        host.SequenceEqual(domain) || (host.Length > domain.Length && host.EndsWith(domain, StringComparison.Ordinal) && host[^(domain.Length + 1)] == '.');

    /// <summary>
    /// Adds the occurrences of a literal in the original text that are not cut out of a longer word: where the
    /// literal starts (ends) with a letter, digit or combining mark, the character before (after) it is none.
    /// </summary>
    /// <remarks>Marks count as part of the word, so <c>!"cafe"</c> does not match a decomposed <c>café</c>.</remarks>
    public static void AddExactHits(string literal, string text, List<Hit> hits)
    {
        var startsWithWord = CharClass.IsWordRune(FirstRune(literal, 0));
        var endsWithWord = CharClass.IsWordRune(LastRune(literal, literal.Length));
        var from = 0;
        while (from <= text.Length - literal.Length)
        {
            var index = text.IndexOf(literal, from, StringComparison.Ordinal);
            if (index < 0)
            {
                break;
            }

            var end = index + literal.Length;
            var boundaryBefore = !startsWithWord || index == 0 || !CharClass.IsWordRune(LastRune(text, index));
            var boundaryAfter = !endsWithWord || end == text.Length || !CharClass.IsWordRune(FirstRune(text, end));
            if (boundaryBefore && boundaryAfter)
            {
                hits.Add(new Hit(-1, -1, index, end));
            }

            from = index + 1;
        }
    }

    // The code point starting at `index` (U+FFFD for a broken surrogate pair).
    private static Rune FirstRune(string text, int index)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _);
        return rune;
    }

    // The code point ending just before `end` (U+FFFD for a broken surrogate pair).
    private static Rune LastRune(string text, int end)
    {
        Rune.DecodeLastFromUtf16(text.AsSpan(0, end), out var rune, out _);
        return rune;
    }

    private static void AddTokenHits(TextAnalysis analysis, TokenKind kind, string text, Func<ReadOnlySpan<char>, string, bool> matches, List<Hit> hits)
    {
        foreach (ref readonly var token in analysis.Tokens)
        {
            if (token.Kind == kind && matches(analysis.Key(token), text))
            {
                hits.Add(Hit.Of(token));
            }
        }
    }

    // Every (first, last) window of the phrase: a NEAR around the phrase may need a longer window than the shortest
    // one (with "a b"~3 in "a b x b c", only the window ending at the second b is next to c). The middle elements
    // take their earliest occurrences, which leaves the most room for the rest.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPhraseHits(PhraseTerm phrase, PostContext post, List<Hit> hits)
    {
        var tokens = post.Analysis.Tokens;
        var elements = phrase.Elements;
        var last = elements.Length - 1;
        for (var f = NextElement(elements[0], post, -1); f >= 0; f = NextElement(elements[0], post, f))
        {
            ref readonly var first = ref tokens[f];
            var previous = first.Position;
            for (var e = 1; e < last && previous >= 0; e++)
            {
                previous = EarliestAfter(elements[e], post, previous);
            }

            if (previous < 0)
            {
                continue;
            }

            for (var t = NextElement(elements[last], post, -1); t >= 0; t = NextElement(elements[last], post, t))
            {
                ref readonly var end = ref tokens[t];
                if (end.Position > previous && end.Position - first.Position - last <= phrase.Slop)
                {
                    hits.Add(new Hit(first.Position, end.Position, first.OriginalStart, end.OriginalStart + end.OriginalLength));
                }
            }
        }
    }

    // The smallest position after `after` at which the element occurs, or -1.
    private static int EarliestAfter(in PhraseElement element, PostContext post, int after)
    {
        var tokens = post.Analysis.Tokens;
        var best = -1;
        for (var t = NextElement(element, post, -1); t >= 0; t = NextElement(element, post, t))
        {
            if (tokens[t].Position > after && (best < 0 || tokens[t].Position < best))
            {
                best = tokens[t].Position;
            }
        }

        return best;
    }

    // The next token (after index `after`, or the first with -1) that a phrase element matches, or -1.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NextElement(in PhraseElement element, PostContext post, int after)
    {
        if (element.Kind != TokenKind.Run)
        {
            int index = after;
            do
            {
                index = post.Terms.Find(element.Kind, element.Key, index);
            }
            while (index >= 0 && post.Analysis.Tokens[index].Position < 0);

            return index;
        }

        var tokens = post.Analysis.Tokens;
        for (var i = after + 1; i < tokens.Length; i++)
        {
            if (MatchesElement(element, tokens[i], post.Analysis.Key(tokens[i])))
            {
                return i;
            }
        }

        return -1;
    }

    private void AddNearHits(NearNode near, PostContext post, List<Hit> hits)
    {
        var left = Rent();
        var right = Rent();
        AddHits(near.Left, post, left);
        if (left.Count > 0)
        {
            AddHits(near.Right, post, right);
        }

        foreach (var l in left)
        {
            foreach (var r in right)
            {
                if (l.Start < 0 || r.Start < 0)
                {
                    continue;
                }

                var between = l.End < r.Start ? r.Start - l.End - 1 : !near.Ordered && r.End < l.Start ? l.Start - r.End - 1 : -1;
                if (between >= 0 && between <= near.Distance)
                {
                    hits.Add(new Hit(
                        Math.Min(l.Start, r.Start),
                        Math.Max(l.End, r.End),
                        Math.Min(l.OriginalStart, r.OriginalStart),
                        Math.Max(l.OriginalEnd, r.OriginalEnd)));
                }
            }
        }

        Return(left);
        Return(right);
    }

    private List<Hit> Rent() => _pool.Count > 0 ? _pool.Pop() : new List<Hit>(8);

    private void Return(List<Hit> hits)
    {
        hits.Clear();
        _pool.Push(hits);
    }
}
