using Monitro.Matching;
using Monitro.Text;

namespace Monitro.Tests.Matching;

/// <summary>
/// A deliberately simple evaluator of a query tree against one post: no index, no candidate selection, no
/// pooling, brute-force enumeration of positions. The engine must agree with it on every post.
/// </summary>
internal sealed class ReferenceEvaluator
{
    private readonly Post _post;
    private readonly List<(TokenKind Kind, string Key, int Position, bool Part)> _tokens = [];

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

        foreach (var token in analysis.Tokens)
        {
            _tokens.Add((token.Kind, analysis.KeyString(token), token.Position, token.IsEntityPart));
        }
    }

    public bool Matches(QueryNode node) => node switch
    {
        AndNode and => and.Children.All(Matches),
        OrNode or => or.Children.Any(Matches),
        NotNode not => !Matches(not.Child),
        ExactTerm exact => ExactOccurs(exact.Literal),
        FieldTerm field => FieldHolds(field),
        _ => Intervals(node).Count > 0,
    };

    // Every (first, last) word-position interval at which a positional node occurs.
    private List<(int First, int Last)> Intervals(QueryNode node)
    {
        switch (node)
        {
            case WordTerm word:
                return PositionsWhere(t => t.Kind == TokenKind.Word
                    && (t.Key == word.Text || (t.Part && word.Text.Length >= 4 && t.Key.Contains(word.Text, StringComparison.Ordinal))));
            case RunTerm run:
                return PositionsWhere(t => t.Kind == TokenKind.Run && t.Key.Contains(run.Text, StringComparison.Ordinal));
            case EntityTerm entity:
                return PositionsWhere(t => t.Kind == entity.Kind && t.Key == entity.Key);
            case PrefixTerm prefix:
                return PositionsWhere(t => t.Kind == TokenKind.Word && t.Key.StartsWith(prefix.Prefix, StringComparison.Ordinal));
            case FuzzyTerm fuzzy:
                return PositionsWhere(t => t.Kind == TokenKind.Word && EditDistance(t.Key, fuzzy.Text) <= fuzzy.MaxEdits);
            case PhraseTerm phrase:
                var result = new List<(int, int)>();
                foreach (var start in ElementPositions(phrase.Elements[0]))
                {
                    ExtendPhrase(phrase, 1, start, start, result);
                }

                return result;
            case NearNode near:
                var pairs = new List<(int, int)>();
                foreach (var left in Intervals(near.Left))
                {
                    foreach (var right in Intervals(near.Right))
                    {
                        var leftFirst = left.Last < right.First && right.First - left.Last - 1 <= near.Distance;
                        var rightFirst = !near.Ordered && right.Last < left.First && left.First - right.Last - 1 <= near.Distance;
                        if (leftFirst || rightFirst)
                        {
                            pairs.Add((Math.Min(left.First, right.First), Math.Max(left.Last, right.Last)));
                        }
                    }
                }

                return pairs;
            case OrNode or:
                return [.. or.Children.SelectMany(Intervals)];
            default:
                throw new InvalidOperationException($"not positional: {node}");
        }
    }

    private void ExtendPhrase(PhraseTerm phrase, int element, int first, int previous, List<(int, int)> result)
    {
        if (element == phrase.Elements.Length)
        {
            result.Add((first, previous));
            return;
        }

        foreach (var position in ElementPositions(phrase.Elements[element]))
        {
            var gaps = position - first - element;
            if (position > previous && gaps <= phrase.Slop)
            {
                ExtendPhrase(phrase, element + 1, first, position, result);
            }
        }
    }

    private IEnumerable<int> ElementPositions(PhraseElement element) =>
        _tokens.Where(t => t.Position >= 0 && t.Kind == element.Kind
                && (element.Kind == TokenKind.Run ? t.Key.Contains(element.Key, StringComparison.Ordinal) : t.Key == element.Key))
            .Select(t => t.Position)
            .Distinct();

    private List<(int, int)> PositionsWhere(Func<(TokenKind Kind, string Key, int Position, bool Part), bool> predicate) =>
        [.. _tokens.Where(predicate).Select(t => (t.Position, t.Position))];

    private bool ExactOccurs(string literal)
    {
        var text = _post.Text;
        for (var i = 0; i + literal.Length <= text.Length; i++)
        {
            if (string.CompareOrdinal(text, i, literal, 0, literal.Length) != 0)
            {
                continue;
            }

            var end = i + literal.Length;
            var before = i > 0 && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(literal[0]);
            var after = end < text.Length && char.IsLetterOrDigit(text[end]) && char.IsLetterOrDigit(literal[^1]);
            if (!before && !after)
            {
                return true;
            }
        }

        return false;
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
}
