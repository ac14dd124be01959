using System.Globalization;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// Walks a compiled query over one post and says, per clause, whether it holds and which terms it found: the
/// explanation behind a match or a miss. Off the hot path (one post at a time, for people), so it re-evaluates each
/// node rather than recording the matcher's own short-circuited walk.
/// </summary>
internal static class QueryExplainer
{
    public static ClauseExplanation Explain(QueryNode node, PostContext post, QueryEvaluator evaluator)
    {
        var matched = evaluator.Evaluate(node, post);
        IReadOnlyList<ClauseExplanation> children = node switch
        {
            AndNode and => [.. and.Children.Select(c => Explain(c, post, evaluator))],
            OrNode or => [.. or.Children.Select(c => Explain(c, post, evaluator))],
            NotNode not => [Explain(not.Child, post, evaluator)],
            NearNode near => [Explain(near.Left, post, evaluator), Explain(near.Right, post, evaluator)],
            _ => [],
        };
        var spans = new List<MatchSpan>();
        if (node is not (AndNode or OrNode or NotNode or FieldTerm))
        {
            evaluator.CollectSpans(node, post, spans);
            spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
        }

        var text = post.Post.Text ?? string.Empty;
        return new ClauseExplanation
        {
            Kind = KindOf(node),
            Clause = Describe(node),
            Position = node.Position,
            Matched = matched,
            Spans = spans,
            Found = [.. spans.Select(s => text.Substring(s.Start, s.Length))],
            Children = children,
        };
    }

    private static ClauseKind KindOf(QueryNode node) => node switch
    {
        AndNode => ClauseKind.And,
        OrNode => ClauseKind.Or,
        NotNode => ClauseKind.Not,
        NearNode => ClauseKind.Near,
        WordTerm => ClauseKind.Word,
        PhraseTerm => ClauseKind.Phrase,
        PrefixTerm => ClauseKind.Prefix,
        FuzzyTerm => ClauseKind.Fuzzy,
        EntityTerm => ClauseKind.Entity,
        RunTerm => ClauseKind.Run,
        ExactTerm => ClauseKind.Exact,
        _ => ClauseKind.Filter,
    };

    private static string Describe(QueryNode node) => node switch
    {
        AndNode and => string.Join(" AND ", and.Children.Select(Operand)),
        OrNode or => string.Join(" OR ", or.Children.Select(Operand)),
        NotNode not => "NOT " + Operand(not.Child),
        NearNode near => string.Create(CultureInfo.InvariantCulture, $"{Operand(near.Left)} {(near.Ordered ? "ONEAR" : "NEAR")}/{near.Distance} {Operand(near.Right)}"),
        WordTerm word => word.WholeOnly ? $"\"{word.Text}\"" : word.Text,
        PhraseTerm phrase => $"\"{string.Join(' ', phrase.Elements.Select(e => Entity(e.Kind, e.Key)))}\"" + (phrase.Slop > 0 ? "~" + phrase.Slop.ToString(CultureInfo.InvariantCulture) : string.Empty),
        PrefixTerm prefix => prefix.Prefix + "*",
        FuzzyTerm fuzzy => fuzzy.Text + "~" + fuzzy.MaxEdits.ToString(CultureInfo.InvariantCulture),
        EntityTerm entity => Entity(entity.Kind, entity.Key),
        RunTerm run => run.Text,
        ExactTerm exact => $"!\"{exact.Literal}\"",
        FieldTerm { Field: QueryField.IsReply } => "is:reply",
        FieldTerm { Field: QueryField.IsRepost } => "is:repost",
        FieldTerm field => field.Field.ToString().ToLowerInvariant() + ":" + field.Value,
        _ => node.ToString() ?? string.Empty,
    };

    private static string Operand(QueryNode node) => node is AndNode or OrNode or NearNode ? "(" + Describe(node) + ")" : Describe(node);

    private static string Entity(TokenKind kind, string key) => kind switch
    {
        TokenKind.Hashtag => "#" + key,
        TokenKind.Mention => "@" + key,
        TokenKind.Cashtag => "$" + key,
        _ => key,
    };
}
