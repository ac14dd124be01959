using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// Evaluates a query tree against one analyzed post. Used to verify the candidates the index selects; an instance
/// keeps scratch lists and is used by one thread at a time.
/// </summary>
/// <remarks>
/// Positional parts (terms, phrases, NEARs and OR-groups of them) are evaluated bottom-up to their minimal
/// occurrences and combined with <see cref="PositionalMerge"/>, so one watch on one post costs O(n + h log h) for
/// the n tokens its scanned terms examine and the h occurrences of its terms, whatever the nesting.
/// </remarks>
internal sealed class QueryEvaluator
{
    // The largest scratch list kept for reuse (ordinary posts have a handful of occurrences per term).
    private const int MaxPooledCapacity = 4_096;

    private readonly Stack<List<Hit>> _pool = new();
    private readonly List<List<Hit>> _phraseElements = [];
    private long _steps;

    /// <summary>Gets the work done so far: tokens examined and occurrences merged (tests bound it instead of timing).</summary>
    public long Steps => _steps;

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
                return post.Terms.Find(TokenKind.Word, word.Text) >= 0 || (word.MatchesInsideEntities && post.Terms.HasEntityParts && EntityWordMatcher.Occurs(word.Text, post));
            case EntityTerm entity:
                return post.Terms.Find(entity.Kind, entity.Key) >= 0;
            default:
                var hits = Rent();
                AddHits(node, post, hits, stopAtFirst: true);
                var any = hits.Count > 0;
                Return(hits);
                return any;
        }
    }

    /// <summary>
    /// Returns whether the post matches the node and, only when it does, adds the spans <see cref="CollectSpans"/> adds.
    /// </summary>
    /// <remarks>
    /// An OR of terms or phrases (a keyword list, the most common watch) is decided and highlighted in one pass over its
    /// alternatives: the occurrences that show a term holds are the ones highlighted, so no alternative is looked up twice.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Match(QueryNode node, PostContext post, List<MatchSpan> spans)
    {
        switch (node)
        {
            case OrNode or:
                var matched = false;
                foreach (var child in or.Children)
                {
                    matched |= Match(child, post, spans);
                }

                return matched;
            case AndNode or NotNode or FieldTerm:
                if (!Evaluate(node, post))
                {
                    return false;
                }

                CollectSpans(node, post, spans);
                return true;
            case WordTerm word:
                return MatchWord(word, post, spans);
            case EntityTerm entity when post.Terms.Find(entity.Kind, entity.Key) < 0:
                return false;
            default:
                var hits = Rent();
                AddHits(node, post, hits, stopAtFirst: false);
                var any = hits.Count > 0;
                AddSpans(hits, spans);
                Return(hits);
                return any;
        }
    }

    // A word is looked up once: its first occurrence decides it (usually it is not in the post: the other alternatives
    // of a candidate keyword list) and starts the list of its occurrences.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool MatchWord(WordTerm word, PostContext post, List<MatchSpan> spans)
    {
        var first = post.Terms.Find(TokenKind.Word, word.Text);
        if (first < 0 && !(word.MatchesInsideEntities && post.Terms.HasEntityParts))
        {
            return false;
        }

        var hits = Rent();
        AddWordHits(word, post, first, hits);
        PositionalMerge.Minimize(hits, ref _steps);
        var any = hits.Count > 0;
        AddSpans(hits, spans);
        Return(hits);
        return any;
    }

    /// <summary>
    /// Adds the original-text spans of the positive parts of a matching node: every minimal occurrence in the text of
    /// its terms, phrases (first to last word of each window), exact literals and NEARs (first to last word of each
    /// pair close enough), in OR alternatives that hold; nothing under NOT unless the NOT is doubled, nothing for filters.
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
                AddHits(node, post, hits, stopAtFirst: false);
                AddSpans(hits, spans);
                Return(hits);
                break;
        }
    }

    /// <summary>Adds the original-text spans of occurrences (those outside the text have none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddSpans(List<Hit> hits, List<MatchSpan> spans)
    {
        foreach (var hit in CollectionsMarshal.AsSpan(hits))
        {
            if (hit.OriginalStart >= 0)
            {
                spans.Add(new MatchSpan(hit.OriginalStart, hit.OriginalEnd - hit.OriginalStart));
            }
        }
    }

    // Adds the occurrences of a term, phrase, exact literal or NEAR to an empty list: for all but exact literals the
    // minimal ones; with stopAtFirst, one is enough (only whether the node occurs is asked).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddHits(QueryNode node, PostContext post, List<Hit> hits, bool stopAtFirst)
    {
        if (node is ExactTerm exact)
        {
            AddExactHits(exact.Literal, post.Post.Text ?? string.Empty, hits);
        }
        else
        {
            AddOccurrences(node, post, hits, stopAtFirst);
        }
    }

    // Adds the minimal occurrences of a positional node to an empty list, sorted by position.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddOccurrences(QueryNode node, PostContext post, List<Hit> hits, bool stopAtFirst)
    {
        var analysis = post.Analysis;
        switch (node)
        {
            case WordTerm word:
                AddWordHits(word, post, post.Terms.Find(TokenKind.Word, word.Text), hits);
                break;
            case RunTerm run:
                AddTokenHits(analysis, TokenKind.Run, run.Text, static (key, text) => key.Contains(text, StringComparison.Ordinal), hits);
                break;
            case EntityTerm entity:
                for (var i = post.Terms.Find(entity.Kind, entity.Key); i >= 0; i = post.Terms.Find(entity.Kind, entity.Key, i))
                {
                    _steps++;
                    hits.Add(Hit.Of(analysis.Tokens[i]));
                }

                break;
            case PrefixTerm prefix:
                AddTokenHits(analysis, TokenKind.Word, prefix.Prefix, static (key, text) => key.StartsWith(text, StringComparison.Ordinal), hits);
                break;
            case FuzzyTerm fuzzy:
                foreach (ref readonly var token in analysis.Tokens)
                {
                    _steps++;
                    if (token.Kind == TokenKind.Word && Levenshtein.IsWithin(analysis.Key(token), fuzzy.Text, fuzzy.MaxEdits))
                    {
                        hits.Add(Hit.Of(token));
                    }
                }

                break;
            case PhraseTerm phrase:
                AddPhraseHits(phrase, post, hits, stopAtFirst);
                return;
            case NearNode near:
                AddNearHits(near, post, hits, stopAtFirst);
                return;
            case OrNode or:
                var child = Rent();
                foreach (var alternative in or.Children)
                {
                    AddOccurrences(alternative, post, child, stopAtFirst);
                    hits.AddRange(child);
                    child.Clear();
                    if (stopAtFirst && hits.Count > 0)
                    {
                        break;
                    }
                }

                Return(child);
                break;
        }

        PositionalMerge.Minimize(hits, ref _steps);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddWordHits(WordTerm word, PostContext post, int first, List<Hit> hits)
    {
        var analysis = post.Analysis;
        var tokens = analysis.Tokens;
        for (var i = first; i >= 0; i = post.Terms.Find(TokenKind.Word, word.Text, i))
        {
            _steps++;
            hits.Add(Hit.Of(tokens[i]));
        }

        if (word.MatchesInsideEntities && post.Terms.HasEntityParts)
        {
            // The search inside hashtag and handle parts looks at every token once.
            _steps += tokens.Length;
            EntityWordMatcher.AddHits(word.Text, post, hits);
        }
    }

    /// <summary>Returns whether a phrase element matches a token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsSameOrSubdomain(ReadOnlySpan<char> host, ReadOnlySpan<char> domain) =>
        host.SequenceEqual(domain) || (host.Length > domain.Length && host.EndsWith(domain, StringComparison.Ordinal) && host[^(domain.Length + 1)] == '.');

    /// <summary>
    /// Adds the occurrences of a literal in the original text that are not cut out of a longer word: where the
    /// literal starts (ends) with a letter, digit or combining mark, the character before (after) it is none.
    /// </summary>
    /// <remarks>Marks count as part of the word, so <c>!"cafe"</c> does not match a decomposed <c>café</c>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Rune FirstRune(string text, int index)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _);
        return rune;
    }

    // The code point ending just before `end` (U+FFFD for a broken surrogate pair).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Rune LastRune(string text, int end)
    {
        Rune.DecodeLastFromUtf16(text.AsSpan(0, end), out var rune, out _);
        return rune;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddTokenHits(TextAnalysis analysis, TokenKind kind, string text, Func<ReadOnlySpan<char>, string, bool> matches, List<Hit> hits)
    {
        foreach (ref readonly var token in analysis.Tokens)
        {
            _steps++;
            if (token.Kind == kind && matches(analysis.Key(token), text))
            {
                hits.Add(Hit.Of(token));
            }
        }
    }

    // The minimal windows of the phrase, from the occurrences of each element.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddPhraseHits(PhraseTerm phrase, PostContext post, List<Hit> hits, bool stopAtFirst)
    {
        // A phrase is a leaf of the tree, so one scratch list of element occurrences serves every phrase.
        var occurrences = _phraseElements;
        foreach (var element in phrase.Elements)
        {
            var list = Rent();
            occurrences.Add(list);
            AddElementHits(element, post, list);
            if (list.Count == 0)
            {
                // An element that does not occur: no window, and the other elements need not be looked up.
                break;
            }
        }

        if (occurrences.Count == phrase.Elements.Length && occurrences[^1].Count > 0)
        {
            PositionalMerge.Phrase(CollectionsMarshal.AsSpan(occurrences), phrase.Slop, hits, stopAtFirst, ref _steps);
        }

        foreach (var list in occurrences)
        {
            Return(list);
        }

        occurrences.Clear();
    }

    // The occurrences of a phrase element at a word position, sorted by position; each covers only its own position.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddElementHits(in PhraseElement element, PostContext post, List<Hit> hits)
    {
        var analysis = post.Analysis;
        var tokens = analysis.Tokens;
        if (element.Kind != TokenKind.Run)
        {
            for (var i = post.Terms.Find(element.Kind, element.Key); i >= 0; i = post.Terms.Find(element.Kind, element.Key, i))
            {
                _steps++;
                if (tokens[i].Position >= 0)
                {
                    hits.Add(Hit.Of(tokens[i]) with { End = tokens[i].Position });
                }
            }
        }
        else
        {
            foreach (ref readonly var token in tokens)
            {
                _steps++;
                if (MatchesElement(element, token, analysis.Key(token)))
                {
                    hits.Add(Hit.Of(token) with { End = token.Position });
                }
            }
        }

        PositionalMerge.Minimize(hits, ref _steps);
    }

    // The left operand's occurrences are collected in the output list itself, so a chain, which nests to the left,
    // holds a few lists whatever its length.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddNearHits(NearNode near, PostContext post, List<Hit> hits, bool stopAtFirst)
    {
        AddOccurrences(near.Left, post, hits, stopAtFirst: false);
        if (hits.Count == 0)
        {
            return;
        }

        var right = Rent();
        var forward = Rent();
        var backward = Rent();
        AddOccurrences(near.Right, post, right, stopAtFirst: false);
        PositionalMerge.FollowedBy(hits, right, near.Distance, forward, stopAtFirst, ref _steps);
        if (!near.Ordered && (!stopAtFirst || forward.Count == 0))
        {
            PositionalMerge.FollowedBy(right, hits, near.Distance, backward, stopAtFirst, ref _steps);
        }

        hits.Clear();
        PositionalMerge.Union(forward, backward, hits, ref _steps);
        Return(right);
        Return(forward);
        Return(backward);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<Hit> Rent() => _pool.Count > 0 ? _pool.Pop() : new List<Hit>(8);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Return(List<Hit> hits)
    {
        // A list grown by a long post is left to the collector, so the scratch of a thread stays small.
        if (hits.Capacity <= MaxPooledCapacity)
        {
            hits.Clear();
            _pool.Push(hits);
        }
    }
}
