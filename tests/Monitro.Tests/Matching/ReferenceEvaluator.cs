using System.Globalization;
using System.Text;
using Monitro.Matching;
using Monitro.Text;

namespace Monitro.Tests.Matching;

/// <summary>
/// A deliberately naive evaluator of a parsed query against one post, written from docs/query-language.md: it
/// enumerates every occurrence of every term, every chain of phrase elements and every pair of NEAR operands, keeps
/// the minimal ones, and computes the spans a match highlights. The engine (index, candidates, verification, spans) must agree with it.
/// </summary>
/// <remarks>
/// <para>Shared with the engine: the query tree (<see cref="QueryParser"/> and the <see cref="QueryNode"/> records,
/// whose terms are already folded by the parser) and the text analysis (<see cref="TextAnalysis"/>: folding and
/// typed tokens with keys, positions and original ranges; <see cref="TextFolder"/> for the author's handle). Both
/// have their own per-case tests (parser and operator tests, the Text tests, the correctness cases), and
/// <see cref="PlainWordSanityTests"/> checks the analysis against a regular expression over the original text, so
/// the tokenizer is not only checked against itself. Sharing them is acceptable because they decide what a query
/// and a post say; this reference checks what the engine then does with them.</para>
/// <para>Not shared: anything that evaluates. No QueryEvaluator, Hit, PostContext, PostTermTable, QueryCompiler,
/// IndexKey, WatchIndex or compiled watch, and no member of the tree that encodes a matching rule (such as
/// <see cref="WordTerm.MatchesInsideEntities"/>); positions covered by a hashtag or handle are derived here from
/// the original ranges of its parts, and spans are merged here by a fixed point over pairs.</para>
/// </remarks>
internal sealed class ReferenceEvaluator
{
    private readonly Post _post;
    private readonly List<PostToken> _tokens = [];

    public ReferenceEvaluator(Post post)
    {
        _post = post;
        using var analysis = TextAnalysis.Of(post.Text);
        foreach (var link in post.Entities.Links)
        {
            analysis.AddLink(link);
        }

        if (post.Url is not null)
        {
            analysis.AddLink(post.Url.OriginalString);
        }

        var tokens = new List<PostToken>();
        foreach (var token in analysis.Tokens)
        {
            var start = token.OriginalStart;
            var end = start < 0 ? -1 : start + token.OriginalLength;
            tokens.Add(new PostToken(token.Kind, analysis.KeyString(token), token.Position, token.LastPosition, start, end, token.IsEntityPart, token.KeyStart));
        }

        // A hashtag or handle is as wide as its parts (docs: the parts are words at consecutive positions).
        foreach (var token in tokens)
        {
            var last = token.Kind is TokenKind.Hashtag or TokenKind.Mention && token.Start >= 0
                ? tokens.Where(p => p.Part && p.Start >= token.Start && p.End <= token.End).Select(p => p.First).DefaultIfEmpty(token.First).Max()
                : token.Last;
            _tokens.Add(token with { Last = last });
        }
    }

    /// <summary>Returns whether the post matches the query.</summary>
    public bool Matches(QueryNode node) => node switch
    {
        AndNode and => and.Children.All(Matches),
        OrNode or => or.Children.Any(Matches),
        NotNode not => !Matches(not.Child),
        FieldTerm field => FieldHolds(field),
        _ => Occurrences(node).Count > 0,
    };

    /// <summary>
    /// Returns the spans a match of the query highlights: every occurrence in the text of its positive parts (those
    /// of OR alternatives that hold, never those under NOT unless the NOT is doubled), overlapping ones merged,
    /// ordered by start.
    /// </summary>
    public List<MatchSpan> Highlights(QueryNode node)
    {
        var spans = new HashSet<(int Start, int End)>(Spans(node));
        if (spans.Any(s => s.End <= s.Start))
        {
            throw new InvalidOperationException("an empty span: merging below assumes every span has a character");
        }

        // Replace any two spans that share a character by their union until none do.
        while (Overlapping(spans) is var (a, b))
        {
            spans.Remove(a);
            spans.Remove(b);
            spans.Add((Math.Min(a.Start, b.Start), Math.Max(a.End, b.End)));
        }

        return [.. spans.OrderBy(s => s.Start).Select(s => new MatchSpan(s.Start, s.End - s.Start))];
    }

    private static ((int Start, int End), (int Start, int End))? Overlapping(HashSet<(int Start, int End)> spans)
    {
        foreach (var a in spans)
        {
            foreach (var b in spans)
            {
                if (a != b && a.Start < b.End && b.Start < a.End)
                {
                    return (a, b);
                }
            }
        }

        return null;
    }

    private IEnumerable<(int Start, int End)> Spans(QueryNode node) => node switch
    {
        AndNode and => and.Children.SelectMany(Spans),
        OrNode or => or.Children.Where(Matches).SelectMany(Spans),
        NotNode { Child: NotNode doubled } => Spans(doubled.Child),
        NotNode or FieldTerm => [],
        _ => Occurrences(node).Where(o => o.Start >= 0).Select(o => (o.Start, o.End)),
    };

    // The occurrences of a term, phrase, exact literal, NEAR or OR-group of them: for all but exact literals, the
    // minimal ones (docs: an occurrence that contains another occurrence of the same part does not count).
    private List<Occurrence> Occurrences(QueryNode node) => node is ExactTerm ? AllOccurrences(node) : Minimal(AllOccurrences(node));

    // Occurrences at the same positions are one, with the original range of both; of the rest, those whose positions
    // contain another's are dropped.
    private static List<Occurrence> Minimal(List<Occurrence> occurrences)
    {
        var result = new List<Occurrence>();
        foreach (var same in occurrences.GroupBy(o => (o.First, o.Last)))
        {
            var (first, last) = same.Key;
            if (occurrences.Any(o => o.First >= first && o.Last <= last && (o.First, o.Last) != (first, last)))
            {
                continue;
            }

            var starts = same.Where(o => o.Start >= 0).Select(o => o.Start).ToList();
            result.Add(new Occurrence(first, last, starts.Count > 0 ? starts.Min() : -1, same.Max(o => o.End)));
        }

        return result;
    }

    // Every occurrence of a part: operands of a NEAR and alternatives of an OR contribute their minimal ones.
    private List<Occurrence> AllOccurrences(QueryNode node)
    {
        switch (node)
        {
            case WordTerm word:
                // A word of four or more characters, unquoted, also matches inside a hashtag or handle on word boundaries.
                var words = TokensWhere(t => t.Kind == TokenKind.Word && t.Key == word.Text);
                if (word.Text.Length >= 4 && !word.WholeOnly)
                {
                    words.AddRange(InsideEntities(word.Text));
                }

                return words;
            case RunTerm run:
                return TokensWhere(t => t.Kind == TokenKind.Run && t.Key.Contains(run.Text, StringComparison.Ordinal));
            case EntityTerm entity:
                return TokensWhere(t => t.Kind == entity.Kind && t.Key == entity.Key);
            case PrefixTerm prefix:
                return TokensWhere(t => t.Kind == TokenKind.Word && t.Key.StartsWith(prefix.Prefix, StringComparison.Ordinal));
            case FuzzyTerm fuzzy:
                return TokensWhere(t => t.Kind == TokenKind.Word && EditDistance(t.Key, fuzzy.Text) <= fuzzy.MaxEdits);
            case ExactTerm exact:
                return ExactOccurrences(exact.Literal);
            case PhraseTerm phrase:
                var windows = new List<Occurrence>();
                foreach (var first in ElementTokens(phrase.Elements[0]))
                {
                    ExtendPhrase(phrase, 1, first, first, windows);
                }

                return windows;
            case NearNode near:
                var pairs = new List<Occurrence>();
                foreach (var left in Occurrences(near.Left).Where(o => o.First >= 0))
                {
                    foreach (var right in Occurrences(near.Right).Where(o => o.First >= 0))
                    {
                        var leftFirst = left.Last < right.First && right.First - left.Last - 1 <= near.Distance;
                        var rightFirst = !near.Ordered && right.Last < left.First && left.First - right.Last - 1 <= near.Distance;
                        if (leftFirst || rightFirst)
                        {
                            pairs.Add(new Occurrence(
                                Math.Min(left.First, right.First),
                                Math.Max(left.Last, right.Last),
                                Math.Min(left.Start, right.Start),
                                Math.Max(left.End, right.End)));
                        }
                    }
                }

                return pairs;
            case OrNode or:
                return [.. or.Children.SelectMany(Occurrences)];
            default:
                throw new InvalidOperationException($"not a term: {node}");
        }
    }

    // Every chain of tokens for the phrase elements, in increasing positions, with at most Slop other words in total.
    private void ExtendPhrase(PhraseTerm phrase, int element, PostToken first, PostToken previous, List<Occurrence> windows)
    {
        if (element == phrase.Elements.Length)
        {
            windows.Add(new Occurrence(first.First, previous.Last, first.Start, previous.End));
            return;
        }

        foreach (var token in ElementTokens(phrase.Elements[element]))
        {
            var otherWords = token.First - first.First - element;
            if (token.First > previous.Last && otherWords <= phrase.Slop)
            {
                ExtendPhrase(phrase, element + 1, first, token, windows);
            }
        }
    }

    private IEnumerable<PostToken> ElementTokens(PhraseElement element) =>
        _tokens.Where(t => t.First >= 0 && t.Kind == element.Kind
            && (element.Kind == TokenKind.Run ? t.Key.Contains(element.Key, StringComparison.Ordinal) : t.Key == element.Key));

    // Occurrences of a word across the parts of each hashtag or handle that start and end on a part edge or on a
    // boundary the segmenter finds inside a part of letters; one exactly equal to a part is a word token already.
    private List<Occurrence> InsideEntities(string word)
    {
        var found = new List<Occurrence>();
        foreach (var entity in _tokens.Where(t => t.Kind is TokenKind.Hashtag or TokenKind.Mention && t.Start >= 0))
        {
            var parts = _tokens.Where(p => p.Part && p.Start >= entity.Start && p.End <= entity.End).ToList();
            var body = new System.Text.StringBuilder();
            var owner = new List<int>();
            var boundaries = new HashSet<int>();
            for (var p = 0; p < parts.Count; p++)
            {
                // Parts apart in the folded text (a '_' or '.' between them); an invisible character between them in the
                // original text (a soft hyphen) is folded away and keeps them together.
                if (p > 0 && parts[p - 1].KeyStart + parts[p - 1].Key.Length != parts[p].KeyStart)
                {
                    body.Append('\0');
                    owner.Add(-1);
                }

                boundaries.Add(body.Length);
                if (parts[p].Key.Length <= Monitro.Text.WordSegmenter.MaxRunLength && parts[p].Key.All(char.IsAsciiLetterLower))
                {
                    var inner = new int[parts[p].Key.Length];
                    var count = Monitro.Text.WordSegmenter.Segment(parts[p].Key, inner);
                    boundaries.UnionWith(inner.Take(count).Select(b => body.Length + b));
                }

                body.Append(parts[p].Key);
                owner.AddRange(Enumerable.Repeat(p, parts[p].Key.Length));
                boundaries.Add(body.Length);
            }

            var text = body.ToString();
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                var end = at + word.Length;
                var (from, to) = (owner[at], owner[end - 1]);
                if (from < 0 || to < 0 || !boundaries.Contains(at) || !boundaries.Contains(end) || (from == to && parts[from].Key == word))
                {
                    continue;
                }

                found.Add(new Occurrence(parts[from].First, parts[to].Last, parts[from].Start, parts[to].End));
            }
        }

        return found;
    }

    private List<Occurrence> TokensWhere(Func<PostToken, bool> predicate) =>
        [.. _tokens.Where(predicate).Select(t => new Occurrence(t.First, t.Last, t.Start, t.End))];

    // The literal in the original text; where it starts (ends) with a letter, digit or combining mark, the code
    // point before (after) it must not be one.
    private List<Occurrence> ExactOccurrences(string literal)
    {
        var text = _post.Text;
        var result = new List<Occurrence>();
        for (var i = 0; i + literal.Length <= text.Length; i++)
        {
            if (string.CompareOrdinal(text, i, literal, 0, literal.Length) != 0)
            {
                continue;
            }

            var end = i + literal.Length;
            var before = i > 0 && IsWordPart(text[..i].EnumerateRunes().Last()) && IsWordPart(literal.EnumerateRunes().First());
            var after = end < text.Length && IsWordPart(text[end..].EnumerateRunes().First()) && IsWordPart(literal.EnumerateRunes().Last());
            if (!before && !after)
            {
                result.Add(new Occurrence(-1, -1, i, end));
            }
        }

        return result;
    }

    private bool FieldHolds(FieldTerm field)
    {
        switch (field.Field)
        {
            case QueryField.Author:
                var handle = TextFolder.FoldToString(_post.Author.Handle.TrimStart('@'));
                return handle == field.Value || handle.Split('@')[0] == field.Value;
            case QueryField.Site:
                return _tokens.Any(t => t.Kind == TokenKind.Host && (t.Key == field.Value || t.Key.EndsWith("." + field.Value, StringComparison.Ordinal)));
            case QueryField.Url:
                return _tokens.Any(t => t.Kind == TokenKind.Url && t.Key.StartsWith(field.Value, StringComparison.Ordinal)
                    && HostOf(t.Key) == HostOf(field.Value));
            case QueryField.Lang:
                var language = _post.Language?.ToLowerInvariant();
                return language == field.Value || (language?.StartsWith(field.Value + "-", StringComparison.Ordinal) ?? false);
            case QueryField.Source:
                return _post.Source.Equals(field.Value, StringComparison.OrdinalIgnoreCase);
            case QueryField.IsReply:
                return _post.ReplyToId is not null;
            default:
                return _post.IsRepost;
        }
    }

    private static bool IsWordPart(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static string HostOf(string url) => url.Split('/', '?', '#')[0].Split(':')[0];

    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    // A token of the post: its words positions First..Last, its original range [Start, End) (-1 when not in the text),
    // and where its key starts in the folded text.
    private readonly record struct PostToken(TokenKind Kind, string Key, int First, int Last, int Start, int End, bool Part, int KeyStart);

    // An occurrence of a query part: word positions First..Last (-1 for exact literals) and original range [Start, End).
    private readonly record struct Occurrence(int First, int Last, int Start, int End);
}
