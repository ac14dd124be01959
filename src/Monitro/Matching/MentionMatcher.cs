using System.Collections.Immutable;
using Monitro.Matching;

namespace Monitro;

/// <summary>
/// The built-in matcher: compiles watches written in the Monitro query language and finds which of them a
/// post matches, with the matched spans in the post's original text.
/// </summary>
/// <remarks>Thread-safe: watches are held in an immutable set swapped atomically, so matching never waits for changes.</remarks>
public sealed class MentionMatcher : IMentionMatcher
{
    private ImmutableDictionary<string, CompiledWatch> _watches = ImmutableDictionary.Create<string, CompiledWatch>(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyCollection<Watch> Watches => [.. Volatile.Read(ref _watches).Values.Select(compiled => compiled.Watch)];

    /// <inheritdoc />
    public void AddWatch(Watch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        QueryNode query;
        try
        {
            query = QueryParser.Parse(watch.Query);
        }
        catch (QuerySyntaxException exception)
        {
            throw new QuerySyntaxException(exception.Reason, exception.Query, exception.Position) { WatchName = watch.Name };
        }

        ImmutableInterlocked.AddOrUpdate(ref _watches, watch.Name, new CompiledWatch(watch, query), (_, _) => new CompiledWatch(watch, query));
    }

    /// <inheritdoc />
    public bool RemoveWatch(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ImmutableInterlocked.TryRemove(ref _watches, name, out _);
    }

    /// <inheritdoc />
    public IReadOnlyList<Mention> Match(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var watches = Volatile.Read(ref _watches);
        if (watches.IsEmpty)
        {
            return [];
        }

        var words = new PostWords(post.Text);
        List<Mention>? mentions = null;
        foreach (var (_, compiled) in watches)
        {
            var spans = new List<MatchSpan>();
            if (!Evaluate(compiled.Query, words, spans))
            {
                continue;
            }

            spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
            (mentions ??= []).Add(new Mention { Post = post, Watch = compiled.Watch, Spans = spans.Distinct().ToArray() });
        }

        return mentions is null ? [] : mentions.OrderBy(mention => mention.Watch.Name, StringComparer.Ordinal).ToArray();
    }

    private static bool Evaluate(QueryNode node, PostWords words, List<MatchSpan> spans) => node switch
    {
        TermNode term => MatchTerm(term, words, spans),
        PhraseNode phrase => MatchPhrase(phrase, words, spans),
        AndNode and => and.Children.All(child => Evaluate(child, words, spans)),
        OrNode or => or.Children.Select(child => Evaluate(child, words, spans)).ToList().Contains(true),
        NotNode not => !Evaluate(not.Child, words, []),
        _ => throw new InvalidOperationException("Unknown query node " + node.GetType().Name),
    };

    private static bool MatchTerm(TermNode term, PostWords words, List<MatchSpan> spans)
    {
        var positions = words.PositionsOf(term.Word);
        foreach (var position in positions)
        {
            var token = words.Tokens[position];
            spans.Add(new MatchSpan(token.Start, token.Length));
        }

        return positions.Count > 0;
    }

    private static bool MatchPhrase(PhraseNode phrase, PostWords words, List<MatchSpan> spans)
    {
        var found = false;
        foreach (var first in words.PositionsOf(phrase.Words[0]))
        {
            var last = first + phrase.Words.Count - 1;
            if (last >= words.Tokens.Count)
            {
                break;
            }

            var all = true;
            for (var i = 1; i < phrase.Words.Count && all; i++)
            {
                all = string.Equals(words.Tokens[first + i].Word, phrase.Words[i], StringComparison.Ordinal);
            }

            if (all)
            {
                found = true;
                var start = words.Tokens[first].Start;
                spans.Add(new MatchSpan(start, words.Tokens[last].Start + words.Tokens[last].Length - start));
            }
        }

        return found;
    }

    private sealed record CompiledWatch(Watch Watch, QueryNode Query);
}
